package io.customeridentity.customer.internal.ids;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the FF1 key of ID bodies stable forever. Without a configured key, the first instance to start generates one
 * and stores it; every instance then reads the same row. With a configured key, only its check value is stored, so a
 * later start with a different key is refused instead of silently issuing IDs from another permutation.
 */
@Component
class CustomerIdKeyStore {

    static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    CustomerIdKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] load(String configuredKeyBase64) {
        byte[] configured =
                configuredKeyBase64 == null || configuredKeyBase64.isBlank() ? null : decode(configuredKeyBase64);
        byte[] candidate = configured != null ? configured : newKey();
        jdbc.sql("""
                        INSERT INTO customer_id_keys (id, ff1_key, key_check) VALUES (1, :key, :check)
                        ON CONFLICT (id) DO NOTHING""")
                .param("key", configured != null ? null : candidate)
                .param("check", checkValue(candidate))
                .update();
        StoredKey stored = jdbc.sql("SELECT ff1_key, key_check FROM customer_id_keys WHERE id = 1")
                .query((rs, n) -> new StoredKey(rs.getBytes("ff1_key"), rs.getString("key_check")))
                .single();
        byte[] key = configured != null ? configured : stored.key();
        if (key == null) {
            throw new IllegalStateException("This database's customer IDs were issued with a configured FF1 key: "
                    + "set customer-identity.ids.ff1-key (CUSTOMER_IDENTITY_IDS_FF1_KEY) to that key");
        }
        if (!checkValue(key).equals(stored.check())) {
            throw new IllegalStateException("customer-identity.ids.ff1-key differs from the key this database's "
                    + "customer IDs were issued with; the key must never change");
        }
        return key;
    }

    private byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("customer-identity.ids.ff1-key must be base64", ex);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("customer-identity.ids.ff1-key must be base64 of " + KEY_BYTES + " bytes");
        }
        return key;
    }

    /** SHA-256 of the key, hex: identifies the key without revealing it. */
    private static String checkValue(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record StoredKey(byte[] key, String check) {}
}
