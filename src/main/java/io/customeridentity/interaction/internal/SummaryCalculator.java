package io.customeridentity.interaction.internal;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionSummary;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds the running aggregates of one customer into a summary; exact decimal arithmetic throughout. */
final class SummaryCalculator {

    private SummaryCalculator() {}

    static InteractionSummary summarize(CustomerId id, List<InteractionStats.Stat> stats, long openComplaints) {
        long count = 0;
        long ratingSum = 0;
        long ratingCount = 0;
        Instant first = null;
        Instant last = null;
        Instant lastPurchase = null;
        Map<InteractionType, Long> byType = new EnumMap<>(InteractionType.class);
        Map<String, BigDecimal> lifetime = new TreeMap<>();
        for (InteractionStats.Stat stat : stats) {
            count += stat.count();
            ratingSum += stat.ratingSum();
            ratingCount += stat.ratingCount();
            byType.merge(stat.type(), stat.count(), Long::sum);
            first = first == null || stat.firstAt().isBefore(first) ? stat.firstAt() : first;
            last = last == null || stat.lastAt().isAfter(last) ? stat.lastAt() : last;
            if (stat.type() == InteractionType.PURCHASE) {
                lastPurchase =
                        lastPurchase == null || stat.lastAt().isAfter(lastPurchase) ? stat.lastAt() : lastPurchase;
                lifetime.merge(stat.currency(), stat.amountSum(), BigDecimal::add);
            } else if (stat.type() == InteractionType.REFUND) {
                lifetime.merge(stat.currency(), stat.amountSum().negate(), BigDecimal::add);
            }
        }
        List<Money> lifetimeValue = new ArrayList<>();
        lifetime.forEach((currency, amount) -> lifetimeValue.add(InteractionMapper.money(amount, currency)));
        BigDecimal averageRating = ratingCount == 0
                ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratingCount), 2, RoundingMode.HALF_EVEN);
        return new InteractionSummary(
                id,
                count,
                byType,
                first,
                last,
                lastPurchase,
                lifetimeValue,
                averageRating,
                ratingCount,
                openComplaints);
    }
}
