package io.customeridentity.interaction.web;

import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.NewInteraction;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An interaction to record; {@code customerId} only in batches (the path names it otherwise). */
@Schema(description = "An interaction to record. (source, externalId) makes retries safe.")
record InteractionRequest(
        @Schema(description = "Batch items only: the customer, in any lenient form.", example = "AC-1234-5678-900")
        String customerId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "PURCHASE")
        InteractionType type,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WEB")
        InteractionChannel channel,

        @Schema(description = "Defaults to now; at most 5 minutes in the future.", example = "2026-11-23T12:00:00Z")
        Instant occurredAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The producing system.",
                example = "webshop",
                pattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
        String source,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The producer's own id of the event; unique per source.",
                example = "order-100234",
                minLength = 1,
                maxLength = 200)
        String externalId,

        @Schema(description = "Required for PURCHASE and REFUND, forbidden otherwise.")
        AmountBody amount,

        @Schema(description = "1 to 5; required for FEEDBACK.", example = "4", minimum = "1", maximum = "5")
        Integer rating,

        @Schema(description = "Personal data: stored encrypted.", example = "Order of 3 items", maxLength = 200)
        String subject,

        @Schema(description = "Personal data: stored encrypted.", maxLength = 4000)
        String note,

        @Schema(description = "Personal data: stored encrypted. At most 50 entries, keys [a-z0-9_.-]{1,64}.")
        Map<String, String> attributes) {

    NewInteraction toNewInteraction() {
        return new NewInteraction(
                customerId,
                type,
                channel,
                occurredAt,
                source,
                externalId,
                amount == null ? null : new NewInteraction.MoneyInput(amount.value(), amount.currency()),
                rating,
                subject,
                note,
                attributes);
    }

    /** An exact amount: a decimal string with the currency's minor units. */
    @Schema(name = "Amount")
    record AmountBody(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Positive decimal string with at most the currency's minor units, never a binary"
                            + " float; answers show exactly the minor units.",
                    example = "49.90",
                    pattern = "^[0-9]{1,24}(\\.[0-9]{1,4})?$")
            String value,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ISO 4217 code.",
                    example = "EUR",
                    pattern = "^[A-Z]{3}$")
            String currency) {}

    /** Personal data stays out of logs (Spring logs request bodies at DEBUG). */
    @Override
    public String toString() {
        return "InteractionRequest[customerId=" + customerId + ", type=" + type + ", source=" + source + ", externalId="
                + externalId + ", ****]";
    }
}
