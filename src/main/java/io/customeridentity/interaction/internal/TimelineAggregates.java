package io.customeridentity.interaction.internal;

import io.customeridentity.interaction.InteractionType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the running aggregates behind summaries, and the inactive-customer list. */
@Component
class TimelineAggregates {

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

    TimelineAggregates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate rows of the given customers (a merge group). */
    List<Stat> stats(List<String> customerIds) {
        return jdbc.sql("""
                        SELECT type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at
                        FROM interaction_stats WHERE customer_id = ANY(:customers)""")
                .param("customers", customerIds.toArray(String[]::new))
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

    /**
     * Complaints not yet followed by a support contact: those that occurred after the customer's latest
     * SUPPORT_CONTACT. Two index range scans on (customer_id, type, occurred_at).
     */
    long openComplaints(List<String> customerIds) {
        return jdbc.sql("""
                        SELECT count(*) FROM interactions c
                        WHERE c.customer_id = ANY(:customers) AND c.type = 'COMPLAINT'
                          AND c.occurred_at > coalesce((SELECT max(s.occurred_at) FROM interactions s
                                                         WHERE s.customer_id = ANY(:customers)
                                                           AND s.type = 'SUPPORT_CONTACT'),
                                                        '-infinity')""")
                .param("customers", customerIds.toArray(String[]::new))
                .query(Long.class)
                .single();
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
