package io.customeridentity.interaction.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a set of just-inserted interactions adds to the running aggregates, per customer, type and currency ('' when
 * no amount), computed from the rows in hand rather than by reading them back; in key order.
 */
final class StatIncrements {

    /** The key of one aggregate row. */
    record Key(String customerId, String type, String currency) {

        static final Comparator<Key> ORDER =
                Comparator.comparing(Key::customerId).thenComparing(Key::type).thenComparing(Key::currency);
    }

    /** The increments of one aggregate row. */
    static final class Increment {

        long count;
        BigDecimal amountSum = BigDecimal.ZERO;
        long ratingSum;
        long ratingCount;
        Instant firstAt;
        Instant lastAt;

        private void add(InteractionRow row) {
            count++;
            if (row.amountValue() != null) {
                amountSum = amountSum.add(row.amountValue());
            }
            if (row.rating() != null) {
                ratingSum += row.rating();
                ratingCount++;
            }
            if (firstAt == null || row.occurredAt().isBefore(firstAt)) {
                firstAt = row.occurredAt();
            }
            if (lastAt == null || row.occurredAt().isAfter(lastAt)) {
                lastAt = row.occurredAt();
            }
        }
    }

    private StatIncrements() {}

    static SortedMap<Key, Increment> of(Collection<InteractionRow> rows) {
        SortedMap<Key, Increment> increments = new TreeMap<>(Key.ORDER);
        for (InteractionRow row : rows) {
            Key key = new Key(
                    row.customerId(), row.type().name(), row.amountCurrency() == null ? "" : row.amountCurrency());
            increments.computeIfAbsent(key, k -> new Increment()).add(row);
        }
        return increments;
    }
}
