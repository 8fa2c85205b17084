package io.customeridentity.customer.internal.versions;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.internal.batching.BatchMetrics;
import io.customeridentity.customer.internal.batching.BatchingProperties;
import io.customeridentity.shared.Batcher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hottest read of the service, a customer's current version with its wrapped data key, as one plain JDBC
 * statement in autocommit: no JPA persistence context and no transaction begin/commit round trips. Outside a
 * transaction, look-ups that arrive while others are in progress share one statement ({@link Batcher}), which halves
 * the database's work per look-up under load; inside one, the look-up uses the transaction's connection and snapshot.
 */
@Component
class CurrentVersions {

    private static final String SELECT_BY_IDS = """
            SELECT c.id, c.status, c.current_version, c.created_at, v.version, v.recorded_at, v.recorded_by,
                   v.changed_fields, v.profile_ciphertext, v.reason_ciphertext, k.key_id, k.kek_id, k.wrapped_key
            FROM customers c
            JOIN customer_versions v ON v.customer_id = c.id AND v.version = c.current_version
            JOIN customer_data_keys k ON k.key_id = v.data_key_id
            WHERE c.id = ANY(CAST(:ids AS varchar[]))""";

    private final JdbcClient jdbc;
    private final Batcher<Lookup> lookups;
    private final DistributionSummary groupSizes;

    CurrentVersions(JdbcClient jdbc, BatchingProperties batching, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.groupSizes = BatchMetrics.groupSizes(meters, "lookups");
        this.lookups = new Batcher<>(
                batching.lookups().maxSize(), batching.lookups().concurrent(), this::findAll, failure -> false);
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

    private void findAll(List<Lookup> group) {
        groupSizes.record(group.size());
        Map<String, StoredVersion> found = new HashMap<>();
        jdbc.sql(SELECT_BY_IDS)
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
