package io.customeridentity.shared.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What must hold in the database whatever was sent: each check is a query counting the rows that break it, so each
 * must count 0.
 */
final class StoreInvariants {

    private static final Map<String, String> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("every customer has version 1", """
                SELECT count(*) FROM customers c
                WHERE NOT EXISTS (SELECT 1 FROM customer_versions v WHERE v.customer_id = c.id AND v.version = 1)""");
        CHECKS.put("every customer's current version is stored", """
                SELECT count(*) FROM customers c
                WHERE NOT EXISTS (SELECT 1 FROM customer_versions v
                                  WHERE v.customer_id = c.id AND v.version = c.current_version)
                   OR EXISTS (SELECT 1 FROM customer_versions v
                              WHERE v.customer_id = c.id AND v.version > c.current_version)""");
        CHECKS.put("every customer but an erased one has a data key (erasure destroys them)", """
                SELECT count(*) FROM customers c
                WHERE c.status <> 'ERASED'
                  AND NOT EXISTS (SELECT 1 FROM customer_data_keys k WHERE k.customer_id = c.id)""");
        CHECKS.put("no version without its customer", """
                SELECT count(*) FROM customer_versions v
                WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = v.customer_id)""");
        CHECKS.put("no interaction of an unknown customer", """
                SELECT count(*) FROM interactions i
                WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id)""");
        CHECKS.put("interaction stats equal a recount", """
                WITH recount AS (
                    SELECT customer_id, type, coalesce(amount_currency, '') AS currency, count(*) AS count,
                           coalesce(sum(amount_value), 0) AS amount_sum, coalesce(sum(rating), 0) AS rating_sum,
                           count(rating) AS rating_count, min(occurred_at) AS first_at, max(occurred_at) AS last_at
                    FROM interactions GROUP BY 1, 2, 3)
                SELECT count(*) FROM recount r FULL JOIN interaction_stats s
                    ON s.customer_id = r.customer_id AND s.type = r.type AND s.currency = r.currency
                WHERE r.customer_id IS NULL OR s.customer_id IS NULL OR r.count <> s.count
                   OR r.amount_sum <> s.amount_sum OR r.rating_sum <> s.rating_sum
                   OR r.rating_count <> s.rating_count OR r.first_at <> s.first_at OR r.last_at <> s.last_at""");
    }

    private StoreInvariants() {}

    /** Each broken invariant with the number of rows that break it; empty when all hold. */
    static Map<String, Long> broken(JdbcClient jdbc) {
        Map<String, Long> broken = new LinkedHashMap<>();
        CHECKS.forEach((name, sql) -> {
            long rows = jdbc.sql(sql).query(Long.class).single();
            if (rows != 0) {
                broken.put(name, rows);
            }
        });
        return broken;
    }
}
