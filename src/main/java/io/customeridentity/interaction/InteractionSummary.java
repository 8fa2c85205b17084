package io.customeridentity.interaction;

import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Aggregates of a customer's whole timeline. */
public record InteractionSummary(
        CustomerId customerId,
        long interactionCount,
        Map<InteractionType, Long> countsByType,
        Instant firstInteractionAt,
        Instant lastInteractionAt,
        Instant lastPurchaseAt,
        List<Money> lifetimeValue,
        BigDecimal averageRating,
        long ratingCount,
        long openComplaints) {}
