package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hottest read of the service, a customer's current version with its wrapped data key, as one plain JDBC
 * statement in autocommit: no JPA persistence context and no transaction begin/commit round trips.
 */
@Component
class CurrentVersions {

    private final JdbcClient jdbc;

    CurrentVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredVersion> find(String id) {
        return jdbc.sql("""
                        SELECT c.id, c.status, c.current_version, c.created_at, v.version, v.recorded_at, v.recorded_by,
                               v.changed_fields, v.profile_ciphertext, v.reason_ciphertext, k.key_id, k.kek_id,
                               k.wrapped_key
                        FROM customers c
                        JOIN customer_versions v ON v.customer_id = c.id AND v.version = c.current_version
                        JOIN customer_data_keys k ON k.key_id = v.data_key_id
                        WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new StoredVersion(
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
                        rs.getBytes(13)))
                .optional();
    }
}
