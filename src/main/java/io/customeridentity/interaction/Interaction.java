package io.customeridentity.interaction;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored interaction. */
public record Interaction(
        UUID id,
        CustomerId customerId,
        InteractionType type,
        InteractionChannel channel,
        Instant occurredAt,
        Instant recordedAt,
        String source,
        String externalId,
        Money amount,
        Integer rating,
        String subject,
        String note,
        Map<String, String> attributes) {

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "Interaction[id=" + id + ", customerId=" + customerId + ", type=" + type + ", ****]";
    }
}
