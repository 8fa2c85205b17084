package io.customeridentity.interaction.internal;

import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.Money;
import java.time.Instant;

/** A validated, normalised interaction, ready to store. */
record ValidInteraction(
        InteractionType type,
        InteractionChannel channel,
        Instant occurredAt,
        String source,
        String externalId,
        Money amount,
        Integer rating,
        InteractionDetails details) {}
