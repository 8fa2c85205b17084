package io.customeridentity.interaction.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.interaction.InteractionSummary;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Aggregates of a customer's timeline, read from running totals. */
@RestController
@Tag(name = "Interactions")
class InteractionSummaryController {

    private final InteractionManagement interactions;

    InteractionSummaryController(InteractionManagement interactions) {
        this.interactions = interactions;
    }

    @GetMapping("/api/v1/customers/{id}/summary")
    @Operation(
            operationId = "getInteractionSummary",
            summary = "Summarise a customer's interactions",
            description = "Counts, first/last interaction, lifetime value per currency (purchases minus refunds, "
                    + "exact), average rating and open complaints (complaints after the latest support contact). "
                    + "Requires scope interactions:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("interaction.summary")
    SummaryResponse summary(@Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id) {
        return SummaryResponse.of(interactions.summary(id));
    }

    /** The summary as the API shows it: amounts as decimal strings. */
    record SummaryResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long interactionCount,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Map<InteractionType, Long> countsByType,

            Instant firstInteractionAt,
            Instant lastInteractionAt,
            Instant lastPurchaseAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<LifetimeValue> lifetimeValue,

            @Schema(description = "Absent without ratings.", example = "4.25")
            BigDecimal averageRating,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long ratingCount,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long openComplaints)
            implements DisclosesPersonalData {

        /** Aggregates of the person's behaviour (spend, ratings, complaints): no field, but about the person. */
        @Override
        public List<String> disclosed() {
            return List.of("interaction.summary");
        }

        static SummaryResponse of(InteractionSummary summary) {
            return new SummaryResponse(
                    summary.customerId().value(),
                    summary.interactionCount(),
                    summary.countsByType(),
                    summary.firstInteractionAt(),
                    summary.lastInteractionAt(),
                    summary.lastPurchaseAt(),
                    summary.lifetimeValue().stream()
                            .map(money -> new LifetimeValue(
                                    money.currency(), money.value().toPlainString()))
                            .toList(),
                    summary.averageRating(),
                    summary.ratingCount(),
                    summary.openComplaints());
        }
    }

    /** Purchases minus refunds in one currency. */
    record LifetimeValue(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR")
            String currency,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "149.70")
            String amount) {}
}
