package io.customeridentity.customer.internal.keys;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.identifier.CustomerId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    public Map<CustomerId, DataKey> currentKeys(Collection<CustomerId> customerIds) {
        Map<CustomerId, DataKey> keys = new HashMap<>();
        if (customerIds.isEmpty()) {
            return keys;
        }
        Map<String, CustomerId> asked = byValue(customerIds);
        jdbc.sql("""
                        SELECT DISTINCT ON (customer_id) key_id, customer_id, kek_id, wrapped_key
                        FROM customer_data_keys WHERE customer_id = ANY(:ids)
                        ORDER BY customer_id, created_at DESC""")
                .param("ids", asked.keySet().toArray(String[]::new))
                .query((rs, n) -> Map.entry(asked.get(rs.getString("customer_id")), unwrap(rs)))
                .list()
                .forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
        return keys;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<CustomerId> existing(Collection<CustomerId> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        Map<String, CustomerId> asked = byValue(customerIds);
        return jdbc.sql("""
                        SELECT DISTINCT customer_id FROM customer_data_keys WHERE customer_id = ANY(:ids)""").param("ids", asked.keySet().toArray(String[]::new)).query(String.class).list().stream()
                .map(asked::get)
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<CustomerId> erased(Collection<CustomerId> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        Map<String, CustomerId> asked = byValue(customerIds);
        return jdbc
                .sql("SELECT id FROM customers WHERE status = 'ERASED' AND id = ANY(:ids)")
                .param("ids", asked.keySet().toArray(String[]::new))
                .query(String.class)
                .list()
                .stream()
                .map(asked::get)
                .collect(Collectors.toCollection(HashSet::new));
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

    /** The asked IDs by their stored form: rows map back to them without parsing. */
    private static Map<String, CustomerId> byValue(Collection<CustomerId> customerIds) {
        Map<String, CustomerId> byValue = new HashMap<>();
        customerIds.forEach(id -> byValue.put(id.value(), id));
        return byValue;
    }

    private DataKey unwrap(java.sql.ResultSet row) throws java.sql.SQLException {
        return codec.unwrap(
                row.getObject("key_id", UUID.class),
                row.getString("kek_id"),
                row.getBytes("wrapped_key"),
                row.getString("customer_id"));
    }
}
