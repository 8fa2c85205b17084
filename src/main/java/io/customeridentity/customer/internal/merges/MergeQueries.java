package io.customeridentity.customer.internal.merges;

import io.customeridentity.customer.CustomerMerge;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the merges in force: each a single statement, however long the merge chain. Reasons live apart
 * ({@code customer_merge_reasons}, which erasure empties): an erased customer's merges have none.
 */
@Component
public class MergeQueries {

    /** A merge is in force until it has a reversal. */
    static final String IN_FORCE =
            "NOT EXISTS (SELECT 1 FROM customer_merge_reversals r WHERE r.merge_id = m.merge_id)";

    private static final String MERGES = """
            SELECT m.merge_id, m.survivor_id, m.merged_id, m.merged_at, m.merged_by, why.reason, r.reversed_at
            FROM customer_merges m LEFT JOIN customer_merge_reversals r ON r.merge_id = m.merge_id
            LEFT JOIN customer_merge_reasons why ON why.merge_id = m.merge_id AND why.kind = 'MERGE'
            """;

    /** A customer the chain leads to, and its status. */
    record End(String id, CustomerStatus status) {}

    private final JdbcClient jdbc;

    MergeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Follows merges in force from the ID up to the customer that is not merged, in one recursive query. */
    Optional<End> survivorOf(String id) {
        return jdbc.sql("""
                        WITH RECURSIVE chain(id, depth) AS (
                            SELECT CAST(:id AS varchar), 0
                            UNION ALL
                            SELECT m.survivor_id, c.depth + 1
                            FROM chain c JOIN customer_merges m ON m.merged_id = c.id
                            WHERE\s""" + IN_FORCE + """
                             AND c.depth < 1000)
                        SELECT cu.id, cu.status FROM chain c JOIN customers cu ON cu.id = c.id
                        ORDER BY c.depth DESC LIMIT 1""")
                .param("id", id)
                .query((rs, n) -> new End(rs.getString(1), CustomerStatus.valueOf(rs.getString(2))))
                .optional();
    }

    /** The customer and everyone merged into it, transitively, by merges in force; empty for an unknown ID. */
    List<String> groupOf(String survivor) {
        return jdbc.sql("""
                        WITH RECURSIVE grp(id, depth) AS (
                            SELECT c.id, 0 FROM customers c WHERE c.id = :id
                            UNION ALL
                            SELECT m.merged_id, g.depth + 1
                            FROM grp g JOIN customer_merges m ON m.survivor_id = g.id
                            WHERE\s""" + IN_FORCE + """
                             AND g.depth < 1000)
                        SELECT id FROM grp""")
                .param("id", survivor)
                .query(String.class)
                .list();
    }

    public Optional<String> mergedInto(String id) {
        return jdbc.sql("SELECT m.survivor_id FROM customer_merges m WHERE m.merged_id = :id AND " + IN_FORCE)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    Optional<CustomerMerge> merge(UUID mergeId) {
        return jdbc.sql(MERGES + "WHERE m.merge_id = :id")
                .param("id", mergeId)
                .query(MergeQueries::merge)
                .optional();
    }

    List<CustomerMerge> mergesOf(String id) {
        return jdbc.sql(MERGES + "WHERE m.survivor_id = :id OR m.merged_id = :id ORDER BY m.merged_at, m.merge_id")
                .param("id", id)
                .query(MergeQueries::merge)
                .list();
    }

    private static CustomerMerge merge(ResultSet rs, int rowNum) throws SQLException {
        Timestamp reversed = rs.getTimestamp("reversed_at");
        return new CustomerMerge(
                rs.getObject("merge_id", UUID.class),
                CustomerId.parse(rs.getString("survivor_id")),
                CustomerId.parse(rs.getString("merged_id")),
                rs.getTimestamp("merged_at").toInstant(),
                rs.getString("merged_by"),
                rs.getString("reason"),
                reversed == null ? null : reversed.toInstant());
    }
}
