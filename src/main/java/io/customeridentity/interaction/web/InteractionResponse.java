package io.customeridentity.interaction.web;

import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A recorded interaction. */
@Schema(description = "A recorded interaction.")
record InteractionResponse(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
        String customerId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) InteractionType type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) InteractionChannel channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant occurredAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant recordedAt,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "webshop")
        String source,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "order-100234")
        String externalId,

        InteractionRequest.AmountBody amount,
        Integer rating,
        String subject,
        String note,
        Map<String, String> attributes) {

    static InteractionResponse of(Interaction interaction) {
        return new InteractionResponse(
                interaction.id(),
                interaction.customerId().value(),
                interaction.type(),
                interaction.channel(),
                interaction.occurredAt(),
                interaction.recordedAt(),
                interaction.source(),
                interaction.externalId(),
                amount(interaction.amount()),
                interaction.rating(),
                interaction.subject(),
                interaction.note(),
                interaction.attributes());
    }

    static InteractionRequest.AmountBody amount(Money money) {
        return money == null
                ? null
                : new InteractionRequest.AmountBody(money.value().toPlainString(), money.currency());
    }

    /** Personal data stays out of logs (Spring logs response bodies at TRACE). */
    @Override
    public String toString() {
        return "InteractionResponse[id=" + id + ", customerId=" + customerId + ", type=" + type + ", ****]";
    }
}
