package io.customeridentity.privacy.internal.audit;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.AuditQuery;
import io.customeridentity.shared.UnnestParameters;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only class that writes {@code audit_events} (append only: the database refuses anything else), and its two
 * queries. JdbcClient: one multi-row insert per write or per batch of reads on the hot paths, nothing to load as
 * objects.
 */
@Component
class AuditTables {

    private static final String COLUMNS =
            "id, at, actor, client, client_ip, request_id, action, customer_id, outcome," + " disclosed";

    private final JdbcClient jdbc;

    AuditTables(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** Appends the entries in one statement, within the caller's transaction if there is one. */
    void append(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO audit_events (%s)
                        SELECT r.id, r.at, r.actor, r.client, r.client_ip, r.request_id, r.action, r.customer_id,
                               r.outcome, string_to_array(r.disclosed, ',')
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:actors AS varchar[]),
                                    CAST(:clients AS varchar[]), CAST(:ips AS varchar[]), CAST(:requests AS varchar[]),
                                    CAST(:actions AS varchar[]), CAST(:customers AS varchar[]),
                                    CAST(:outcomes AS smallint[]), CAST(:disclosed AS text[]))
                             AS r(id, at, actor, client, client_ip, request_id, action, customer_id, outcome,
                                  disclosed)""".formatted(COLUMNS))
                .params(UnnestParameters.of(entries)
                        .text("ids", AuditEntry::id)
                        .text("ats", AuditEntry::at)
                        .text("actors", entry -> cut(entry.actor(), 255))
                        .text("clients", entry -> cut(entry.client(), 255))
                        .text("ips", entry -> cut(entry.clientIp(), 64))
                        .text("requests", entry -> cut(entry.requestId(), 64))
                        .text("actions", AuditEntry::action)
                        .text(
                                "customers",
                                entry -> entry.customerId() == null
                                        ? null
                                        : entry.customerId().value())
                        .text("outcomes", AuditEntry::outcome)
                        .text("disclosed", entry -> String.join(",", entry.disclosed()))
                        .toMap())
                .update();
    }

    /**
     * A page of entries, newest first: of these customers when {@code customers} is not null (the query's caller
     * filters ignored), else of anybody by the query's caller filters.
     */
    List<AuditEntry> page(List<CustomerId> customers, AuditQuery query) {
        StringBuilder where = new StringBuilder("TRUE");
        Map<String, Object> params = new HashMap<>();
        if (customers != null) {
            where.append(" AND customer_id = ANY(CAST(:customers AS varchar[]))");
            params.put("customers", customers.stream().map(CustomerId::value).toArray(String[]::new));
        } else {
            filter(where, params, "actor", query.actor());
            filter(where, params, "client", query.client());
        }
        filter(where, params, "action", query.action());
        if (query.from() != null) {
            where.append(" AND at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.beforeAt() != null) {
            where.append(" AND (at, id) < (:beforeAt, :beforeId)");
            params.put("beforeAt", Timestamp.from(query.beforeAt()));
            params.put("beforeId", query.beforeId());
        }
        params.put("limit", query.limit());
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_events WHERE " + where
                        + " ORDER BY at DESC, id DESC LIMIT :limit")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        String customer = rs.getString("customer_id");
        Array disclosed = rs.getArray("disclosed");
        List<String> fields = new ArrayList<>(List.of((String[]) disclosed.getArray()));
        return new AuditEntry(
                rs.getObject("id", java.util.UUID.class),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("client"),
                rs.getString("client_ip"),
                rs.getString("request_id"),
                rs.getString("action"),
                customer == null ? null : CustomerId.parse(customer),
                rs.getInt("outcome"),
                List.copyOf(fields));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
