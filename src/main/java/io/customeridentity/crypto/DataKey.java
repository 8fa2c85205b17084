package io.customeridentity.crypto;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's 256-bit data key in plaintext, held in memory only; persisted solely in wrapped form.
 *
 * @param id identifies the key; stored beside every ciphertext it produced and bound into its wrapping
 * @param key the 32 key bytes (copied in and out, so the record stays immutable)
 */
public record DataKey(UUID id, byte[] key) {

    static final int LENGTH = 32;

    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a data key must be " + LENGTH + " bytes, not " + key.length);
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey that && id.equals(that.id) && MessageDigest.isEqual(key, that.key);
    }

    // By id alone: consistent with equals, and nothing derived from the key bytes ends up in a hash value.
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[id=" + id + ", key=****]";
    }
}
