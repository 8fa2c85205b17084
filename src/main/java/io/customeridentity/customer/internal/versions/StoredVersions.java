package io.customeridentity.customer.internal.versions;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.internal.batching.BatchMetrics;
import io.customeridentity.customer.internal.batching.BatchingProperties;
import io.customeridentity.shared.Batcher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a customer with one version and its wrapped data key (JdbcClient: the current version is the hottest read of
 * the service). The current version is one plain statement in autocommit: no JPA persistence context and no transaction begin/commit round trips. Outside a
 * transaction, look-ups that arrive while others are in progress share one statement ({@link Batcher}), which halves
 * the database's work per look-up under load; inside one, the look-up uses the transaction's connection and snapshot.
 */
@Component
class StoredVersions {

    /** A customer joined with one of its versions and that version's data key: one statement, not three loads. */
    private static final String SELECT = """
            SELECT c.id, c.status, c.current_version, c.created_at, v.version, v.recorded_at, v.recorded_by,
                   v.changed_fields, v.profile_ciphertext, v.reason_ciphertext, k.key_id, k.kek_id, k.wrapped_key
            FROM customers c
            JOIN customer_versions v ON v.customer_id = c.id
            JOIN customer_data_keys k ON k.key_id = v.data_key_id
            """;

    private final JdbcClient jdbc;
    private final Batcher<Lookup> lookups;
    private final DistributionSummary groupSizes;

    StoredVersions(JdbcClient jdbc, BatchingProperties batching, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.groupSizes = BatchMetrics.groupSizes(meters, "lookups");
        this.lookups = new Batcher<>(
                batching.lookups().maxSize(),
                batching.lookups().concurrent(),
                batching.lookups().maxWait(),
                this::findAll,
                failure -> false);
    }

    Optional<StoredVersion> find(String id) {
        Lookup lookup = new Lookup(id);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            findAll(List.of(lookup));
        } else {
            lookups.submit(lookup);
        }
        return Optional.ofNullable(lookup.found);
    }

    /** One version, by number. */
    Optional<StoredVersion> version(String id, int version) {
        return jdbc.sql(SELECT + "WHERE c.id = :id AND v.version = :version")
                .param("id", id)
                .param("version", version)
                .query((rs, n) -> storedVersion(rs))
                .optional();
    }

    /** The version in force at the instant: the last one recorded at or before it. */
    Optional<StoredVersion> asOf(String id, Instant at) {
        return jdbc.sql(SELECT + """
                        WHERE c.id = :id AND v.version = (
                            SELECT max(o.version) FROM customer_versions o WHERE o.customer_id = :id AND o.recorded_at <= :at)""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> storedVersion(rs))
                .optional();
    }

    /** What an erased customer keeps: its identity row. */
    record Erased(int version, Instant createdAt, Instant erasedAt) {}

    Optional<Erased> tombstone(String id) {
        return jdbc.sql(
                        "SELECT current_version, created_at, erased_at FROM customers WHERE id = :id AND status = 'ERASED'")
                .param("id", id)
                .query((rs, n) -> new Erased(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private void findAll(List<Lookup> group) {
        groupSizes.record(group.size());
        Map<String, StoredVersion> found = new HashMap<>();
        jdbc.sql(SELECT + "WHERE v.version = c.current_version AND c.id = ANY(CAST(:ids AS varchar[]))")
                .param("ids", group.stream().map(lookup -> lookup.id).toArray(String[]::new))
                .query((rs, n) -> storedVersion(rs))
                .list()
                .forEach(version -> found.put(version.id(), version));
        group.forEach(lookup -> lookup.found = found.get(lookup.id));
    }

    private static StoredVersion storedVersion(ResultSet rs) throws SQLException {
        return new StoredVersion(
                rs.getString(1),
                CustomerStatus.valueOf(rs.getString(2)),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                rs.getInt(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7),
                rs.getString(8),
                rs.getBytes(9),
                rs.getBytes(10),
                rs.getObject(11, UUID.class),
                rs.getString(12),
                rs.getBytes(13));
    }

    /** One caller's look-up; {@link Batcher} publishes {@code found} to the caller. */
    private static final class Lookup {

        final String id;
        StoredVersion found;

        Lookup(String id) {
            this.id = id;
        }
    }
}
