package io.customeridentity.interaction.internal;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.TimelineQuery;
import io.customeridentity.shared.UnnestParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only class that writes {@code interactions}, and its reads but the inactive-customer list. JdbcClient rather than JPA on purpose: a batch is inserted
 * with one multi-row statement (arrays unnested server-side) whatever its size, and timeline pages are hand-tuned SQL.
 */
@Component
class InteractionStore {

    static final String COLUMNS = """
            id, customer_id, type, channel, occurred_at, recorded_at, source, external_id,
            amount_value, amount_currency, rating, data_key_id, details_ciphertext""";

    /** From this many rows on, a batch tries {@code COPY} first ({@link InteractionCopy}). */
    static final int COPY_FROM = 50;

    private final JdbcClient jdbc;
    private final InteractionCopy copy;

    InteractionStore(JdbcClient jdbc, InteractionCopy copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    /**
     * Inserts the rows whose (source, externalId) is new; the ids of those inserted. A batch of at least {@link
     * #COPY_FROM} rows is copied when none of them is stored yet, else (and below that size) inserted with one
     * statement that skips the stored ones.
     */
    Set<UUID> insertNew(List<InteractionRow> rows) {
        if (rows.size() >= COPY_FROM && copy.copyAllNew(rows)) {
            Set<UUID> ids = new HashSet<>();
            rows.forEach(row -> ids.add(row.id()));
            return ids;
        }
        return new HashSet<>(jdbc.sql("INSERT INTO interactions (" + COLUMNS + """
                        )
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:customers AS varchar[]),
                            CAST(:types AS varchar[]), CAST(:channels AS varchar[]),
                            CAST(:occurred AS timestamptz[]), CAST(:recorded AS timestamptz[]),
                            CAST(:sources AS varchar[]), CAST(:externals AS varchar[]),
                            CAST(:amounts AS numeric[]), CAST(:currencies AS varchar[]),
                            CAST(:ratings AS smallint[]), CAST(:keys AS uuid[]), CAST(:details AS bytea[]))
                        ON CONFLICT (source, external_id) DO NOTHING
                        RETURNING id""")
                .params(UnnestParameters.of(rows)
                        .text("ids", InteractionRow::id)
                        .text("customers", InteractionRow::customerId)
                        .text("types", InteractionRow::type)
                        .text("channels", InteractionRow::channel)
                        .text("occurred", InteractionRow::occurredAt)
                        .text("recorded", InteractionRow::recordedAt)
                        .text("sources", InteractionRow::source)
                        .text("externals", InteractionRow::externalId)
                        .text("amounts", InteractionRow::amountValue)
                        .text("currencies", InteractionRow::amountCurrency)
                        .text("ratings", InteractionRow::rating)
                        .text("keys", InteractionRow::dataKeyId)
                        .bytes("details", InteractionRow::detailsCiphertext)
                        .toMap())
                .query(UUID.class)
                .list());
    }

    /** Ids of stored interactions by their producer key {@code source + '\u0000' + externalId}. */
    Map<String, UUID> idsByProducerKey(Collection<String> sources, Collection<String> externalIds) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.sql("""
                        SELECT i.source, i.external_id, i.id FROM interactions i
                        JOIN unnest(CAST(:sources AS varchar[]), CAST(:externals AS varchar[])) AS k(source, external_id)
                          ON i.source = k.source AND i.external_id = k.external_id""")
                .param("sources", sources.toArray(String[]::new))
                .param("externals", externalIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(producerKey(rs.getString(1), rs.getString(2)), rs.getObject(3, UUID.class)))
                .list()
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    static String producerKey(String source, String externalId) {
        return source + '\u0000' + externalId;
    }

    Optional<InteractionRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM interactions WHERE id = :id")
                .param("id", id)
                .query(InteractionStore::row)
                .optional();
    }

    /**
     * Complaints not yet followed by a support contact: those that occurred after the customer's latest
     * SUPPORT_CONTACT. Two index range scans on (customer_id, type, occurred_at).
     */
    long openComplaints(List<CustomerId> customerIds) {
        return jdbc.sql("""
                        SELECT count(*) FROM interactions c
                        WHERE c.customer_id = ANY(:customers) AND c.type = 'COMPLAINT'
                          AND c.occurred_at > coalesce((SELECT max(s.occurred_at) FROM interactions s
                                                         WHERE s.customer_id = ANY(:customers)
                                                           AND s.type = 'SUPPORT_CONTACT'),
                                                        '-infinity')""")
                .param("customers", customerIds.stream().map(CustomerId::value).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /**
     * Newest first across the given customers (a merge group), keyset-paginated on (occurred_at, id): deep pages cost
     * what the first does.
     */
    List<InteractionRow> page(List<CustomerId> customerIds, TimelineQuery query) {
        StringBuilder filters = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (query.type() != null) {
            filters.append(" AND type = :type");
            params.put("type", query.type().name());
        }
        if (query.channel() != null) {
            filters.append(" AND channel = :channel");
            params.put("channel", query.channel().name());
        }
        if (query.from() != null) {
            filters.append(" AND occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            filters.append(" AND occurred_at < :to");
            params.put("to", java.sql.Timestamp.from(query.to()));
        }
        if (query.afterOccurredAt() != null) {
            filters.append(" AND (occurred_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", java.sql.Timestamp.from(query.afterOccurredAt()));
            params.put("afterId", query.afterId());
        }
        params.put("limit", query.limit());
        // One ordered index range scan per customer of the group, merged: "customer_id = ANY(...)" would make
        // PostgreSQL fetch and sort every matching row of the group before applying the limit.
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < customerIds.size(); i++) {
            params.put("customer" + i, customerIds.get(i).value());
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT ")
                    .append(COLUMNS)
                    .append(" FROM interactions WHERE customer_id = :customer")
                    .append(i)
                    .append(filters)
                    .append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit)");
        }
        String page = "SELECT * FROM (" + sql + ") page ORDER BY occurred_at DESC, id DESC LIMIT :limit";
        return jdbc.sql(page).params(params).query(InteractionStore::row).list();
    }

    private static InteractionRow row(ResultSet rs, int rowNum) throws SQLException {
        return new InteractionRow(
                rs.getObject("id", UUID.class),
                rs.getString("customer_id"),
                InteractionType.valueOf(rs.getString("type")),
                InteractionChannel.valueOf(rs.getString("channel")),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("source"),
                rs.getString("external_id"),
                rs.getBigDecimal("amount_value"),
                rs.getString("amount_currency"),
                rs.getObject("rating", Integer.class),
                rs.getObject("data_key_id", UUID.class),
                rs.getBytes("details_ciphertext"));
    }
}
