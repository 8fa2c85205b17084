package io.customeridentity.interaction;

import java.time.Instant;
import java.util.Map;

/**
 * An interaction as a producer reports it; the service validates it. {@code customerId} is what the producer sent
 * (any lenient form), parsed with the rest of the item so that, in a batch, a mistyped ID rejects only its own item;
 * {@code (source, externalId)} identifies it for the producer's retries.
 */
public record NewInteraction(
        String customerId,
        InteractionType type,
        InteractionChannel channel,
        Instant occurredAt,
        String source,
        String externalId,
        MoneyInput amount,
        Integer rating,
        String subject,
        String note,
        Map<String, String> attributes) {

    /** An amount as sent: the value is a decimal string. */
    public record MoneyInput(String value, String currency) {}

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "NewInteraction[customerId=" + customerId + ", type=" + type + ", source=" + source + ", externalId="
                + externalId + ", ****]";
    }
}
