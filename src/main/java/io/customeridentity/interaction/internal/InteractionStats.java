package io.customeridentity.interaction.internal;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.shared.UnnestParameters;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only class that reads or writes {@code interaction_stats}, the running aggregates per customer, type and
 * currency behind summaries and the inactive-customer list. JdbcClient, not JPA: a batch adds to its aggregates with one
 * set-based upsert, and reads are aggregates over a merge group.
 */
@Component
class InteractionStats {

    /** One aggregate row: a customer's interactions of one type (and currency, '' without an amount). */
    record Stat(
            InteractionType type,
            String currency,
            long count,
            BigDecimal amountSum,
            long ratingSum,
            long ratingCount,
            Instant firstAt,
            Instant lastAt) {}

    /** A customer with no interaction since the asked instant, and its last interaction if any. */
    record Inactive(String customerId, Instant lastInteractionAt) {}

    private final JdbcClient jdbc;

    InteractionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the given just-inserted rows to the running aggregates: aggregated here from the rows in hand, upserted
     * in key order so that concurrent batches lock aggregate rows in the same order and cannot deadlock.
     */
    void add(Collection<InteractionRow> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        List<Map.Entry<StatIncrements.Key, StatIncrements.Increment>> increments =
                new ArrayList<>(StatIncrements.of(inserted).entrySet());
        jdbc.sql("""
                        INSERT INTO interaction_stats AS s
                            (customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at)
                        SELECT customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at,
                               last_at
                        FROM unnest(CAST(:customers AS varchar[]), CAST(:types AS varchar[]),
                            CAST(:currencies AS varchar[]), CAST(:counts AS bigint[]), CAST(:amounts AS numeric[]),
                            CAST(:ratingSums AS bigint[]), CAST(:ratingCounts AS bigint[]),
                            CAST(:firsts AS timestamptz[]), CAST(:lasts AS timestamptz[])) WITH ORDINALITY
                            AS k(customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at,
                                 last_at, position)
                        ORDER BY position
                        ON CONFLICT (customer_id, type, currency) DO UPDATE SET
                            count = s.count + EXCLUDED.count,
                            amount_sum = s.amount_sum + EXCLUDED.amount_sum,
                            rating_sum = s.rating_sum + EXCLUDED.rating_sum,
                            rating_count = s.rating_count + EXCLUDED.rating_count,
                            first_at = least(s.first_at, EXCLUDED.first_at),
                            last_at = greatest(s.last_at, EXCLUDED.last_at)""")
                .params(UnnestParameters.of(increments)
                        .text("customers", entry -> entry.getKey().customerId())
                        .text("types", entry -> entry.getKey().type())
                        .text("currencies", entry -> entry.getKey().currency())
                        .text("counts", entry -> entry.getValue().count)
                        .text("amounts", entry -> entry.getValue().amountSum)
                        .text("ratingSums", entry -> entry.getValue().ratingSum)
                        .text("ratingCounts", entry -> entry.getValue().ratingCount)
                        .text("firsts", entry -> entry.getValue().firstAt)
                        .text("lasts", entry -> entry.getValue().lastAt)
                        .toMap())
                .update();
    }

    /** The aggregate rows of the given customers (a merge group). */
    List<Stat> of(List<CustomerId> customerIds) {
        return jdbc.sql("""
                        SELECT type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at
                        FROM interaction_stats WHERE customer_id = ANY(:customers)""")
                .param("customers", customerIds.stream().map(CustomerId::value).toArray(String[]::new))
                .query((rs, n) -> new Stat(
                        InteractionType.valueOf(rs.getString("type")),
                        rs.getString("currency"),
                        rs.getLong("count"),
                        rs.getBigDecimal("amount_sum"),
                        rs.getLong("rating_sum"),
                        rs.getLong("rating_count"),
                        rs.getTimestamp("first_at").toInstant(),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** ACTIVE customers (optionally of one prefix) after {@code afterId} with no interaction since the instant. */
    List<Inactive> inactiveSince(Instant since, String prefix, String afterId, int limit) {
        return jdbc.sql("""
                        SELECT c.id, (SELECT max(s.last_at) FROM interaction_stats s WHERE s.customer_id = c.id) AS last_at
                        FROM customers c
                        WHERE c.status = 'ACTIVE' AND c.id > :after
                          AND (CAST(:prefix AS varchar) IS NULL OR c.prefix = :prefix)
                          AND NOT EXISTS (SELECT 1 FROM interactions i
                                          WHERE i.customer_id = c.id AND i.occurred_at >= :since)
                        ORDER BY c.id LIMIT :limit""")
                .param("since", Timestamp.from(since))
                .param("prefix", prefix)
                .param("after", afterId == null ? "" : afterId)
                .param("limit", limit)
                .query((rs, n) -> new Inactive(
                        rs.getString("id"),
                        rs.getTimestamp("last_at") == null
                                ? null
                                : rs.getTimestamp("last_at").toInstant()))
                .list();
    }
}
