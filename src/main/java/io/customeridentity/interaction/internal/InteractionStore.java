package io.customeridentity.interaction.internal;

import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.TimelineQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * JDBC access to the timeline. Plain SQL rather than JPA on purpose: a batch is inserted with one multi-row
 * statement (arrays unnested server-side) and aggregated with one more, whatever its size.
 */
@Component
class InteractionStore {

    private static final String COLUMNS = """
            id, customer_id, type, channel, occurred_at, recorded_at, source, external_id,
            amount_value, amount_currency, rating, data_key_id, details_ciphertext""";

    private final JdbcClient jdbc;

    InteractionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the rows whose (source, externalId) is new; the ids of those inserted. */
    Set<UUID> insertNew(List<InteractionRow> rows) {
        int n = rows.size();
        String[] ids = new String[n], customers = new String[n], types = new String[n], channels = new String[n];
        String[] occurred = new String[n], recorded = new String[n], sources = new String[n], externals = new String[n];
        String[] amounts = new String[n], currencies = new String[n], ratings = new String[n], keys = new String[n];
        byte[][] details = new byte[n][];
        for (int i = 0; i < n; i++) {
            InteractionRow row = rows.get(i);
            ids[i] = row.id().toString();
            customers[i] = row.customerId();
            types[i] = row.type().name();
            channels[i] = row.channel().name();
            occurred[i] = row.occurredAt().toString();
            recorded[i] = row.recordedAt().toString();
            sources[i] = row.source();
            externals[i] = row.externalId();
            amounts[i] = row.amountValue() == null ? null : row.amountValue().toPlainString();
            currencies[i] = row.amountCurrency();
            ratings[i] = row.rating() == null ? null : row.rating().toString();
            keys[i] = row.dataKeyId() == null ? null : row.dataKeyId().toString();
            details[i] = row.detailsCiphertext();
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
                .param("ids", ids)
                .param("customers", customers)
                .param("types", types)
                .param("channels", channels)
                .param("occurred", occurred)
                .param("recorded", recorded)
                .param("sources", sources)
                .param("externals", externals)
                .param("amounts", amounts)
                .param("currencies", currencies)
                .param("ratings", ratings)
                .param("keys", keys)
                .param("details", details)
                .query(UUID.class)
                .list());
    }

    /**
     * Adds the given just-inserted rows to the running aggregates: aggregated here from the rows in hand, upserted
     * in key order so that concurrent batches lock aggregate rows in the same order and cannot deadlock.
     */
    void addToStats(Collection<InteractionRow> inserted) {
        if (inserted.isEmpty()) {
            return;
        }
        SortedMap<StatIncrements.Key, StatIncrements.Increment> increments = StatIncrements.of(inserted);
        int n = increments.size();
        String[] customers = new String[n], types = new String[n], currencies = new String[n];
        String[] counts = new String[n], amounts = new String[n], ratingSums = new String[n];
        String[] ratingCounts = new String[n], firsts = new String[n], lasts = new String[n];
        int i = 0;
        for (Map.Entry<StatIncrements.Key, StatIncrements.Increment> entry : increments.entrySet()) {
            StatIncrements.Increment increment = entry.getValue();
            customers[i] = entry.getKey().customerId();
            types[i] = entry.getKey().type();
            currencies[i] = entry.getKey().currency();
            counts[i] = Long.toString(increment.count);
            amounts[i] = increment.amountSum.toPlainString();
            ratingSums[i] = Long.toString(increment.ratingSum);
            ratingCounts[i] = Long.toString(increment.ratingCount);
            firsts[i] = increment.firstAt.toString();
            lasts[i] = increment.lastAt.toString();
            i++;
        }
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
                .param("customers", customers)
                .param("types", types)
                .param("currencies", currencies)
                .param("counts", counts)
                .param("amounts", amounts)
                .param("ratingSums", ratingSums)
                .param("ratingCounts", ratingCounts)
                .param("firsts", firsts)
                .param("lasts", lasts)
                .update();
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
     * Newest first across the given customers (a merge group), keyset-paginated on (occurred_at, id): deep pages cost
     * what the first does.
     */
    List<InteractionRow> page(List<String> customerIds, TimelineQuery query) {
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
            params.put("customer" + i, customerIds.get(i));
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
