package io.customeridentity.interaction.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.interaction.Money;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns a validated interaction into the row to insert: a new time-ordered id, and its details encrypted. */
@Component
class InteractionRows {

    private final InteractionCodec codec;
    private final Clock clock;
    private final TimeOrderedIds ids;

    InteractionRows(InteractionCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    /** @param key the customer's data key; may be null when the interaction has no details */
    InteractionRow of(String customerId, ValidInteraction valid, DataKey key) {
        UUID id = ids.next();
        Money amount = valid.amount();
        return new InteractionRow(
                id,
                customerId,
                valid.type(),
                valid.channel(),
                valid.occurredAt().truncatedTo(ChronoUnit.MICROS),
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                valid.source(),
                valid.externalId(),
                amount == null ? null : amount.value(),
                amount == null ? null : amount.currency(),
                valid.rating(),
                valid.details() == null ? null : key.id(),
                valid.details() == null ? null : codec.encrypt(key, id, valid.details()));
    }
}
