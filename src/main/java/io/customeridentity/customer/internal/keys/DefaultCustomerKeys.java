package io.customeridentity.customer.internal.keys;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerKeys;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Unwraps customers' data keys in one query per call (batches ask for many customers at once). */
@Service
class DefaultCustomerKeys implements CustomerKeys {

    private final JdbcClient jdbc;
    private final ProfileCodec codec;

    DefaultCustomerKeys(JdbcClient jdbc, ProfileCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, DataKey> currentKeys(Collection<String> customerIds) {
        Map<String, DataKey> keys = new HashMap<>();
        if (customerIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (customer_id) key_id, customer_id, kek_id, wrapped_key
                        FROM customer_data_keys WHERE customer_id = ANY(:ids)
                        ORDER BY customer_id, created_at DESC""")
                .param("ids", customerIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("customer_id"), unwrap(rs)))
                .list()
                .forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        return keys;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> existing(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT customer_id FROM customer_data_keys WHERE customer_id = ANY(:ids)""")
                .param("ids", customerIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, DataKey> keysById(Collection<UUID> keyIds) {
        Map<UUID, DataKey> keys = new HashMap<>();
        if (keyIds.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT key_id, customer_id, kek_id, wrapped_key FROM customer_data_keys WHERE key_id = ANY(:ids)")
                .param("ids", keyIds.toArray(UUID[]::new))
                .query((rs, n) -> unwrap(rs))
                .list()
                .forEach(key -> keys.put(key.id(), key));
        return keys;
    }

    private DataKey unwrap(java.sql.ResultSet row) throws java.sql.SQLException {
        return codec.unwrap(
                row.getObject("key_id", UUID.class),
                row.getString("kek_id"),
                row.getBytes("wrapped_key"),
                row.getString("customer_id"));
    }
}
