package io.customeridentity.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM envelope encryption: per-customer data keys, wrapped by a key-encryption key; thread-safe. */
public final class EnvelopeEncryption {

    static final String KEK_V1 = "kek-v1";
    static final String KEK_V1_PURPOSE = "customer-identity/kek/v1";

    // Domain separation for the wrapping AAD, so it can never collide with a caller's field context.
    private static final byte[] WRAP_LABEL = "customer-identity/wrapped-data-key".getBytes(StandardCharsets.UTF_8);

    private static final SecureRandom RANDOM = new SecureRandom();

    // Several KEKs by id so that a later version can rotate: unwrap with any, wrap with the current one.
    private final Map<String, SecretKey> keks;
    private final String currentKekId;

    public EnvelopeEncryption(MasterKey masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        this.keks = Map.of(KEK_V1, aesKey(masterKey.derive(KEK_V1_PURPOSE, 32)));
        this.currentKekId = KEK_V1;
    }

    /** The id of the KEK that {@link #wrap} uses; store it beside each wrapped key. */
    public String currentKekId() {
        return currentKekId;
    }

    /** A fresh random 256-bit data key with a random id. */
    public DataKey generateDataKey() {
        byte[] key = new byte[DataKey.LENGTH];
        RANDOM.nextBytes(key);
        try {
            return new DataKey(UUID.randomUUID(), key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Wraps {@code key} under the current KEK, bound to {@code owner} (e.g. the customer ID) and the key's id. */
    public byte[] wrap(DataKey key, String owner) {
        Objects.requireNonNull(key, "key");
        byte[] plain = key.key();
        try {
            return AesGcm.seal(keks.get(currentKekId), plain, wrapAad(owner, key.id(), currentKekId));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a wrapped data key.
     *
     * @throws CryptoException if {@code kekId} is unknown, the bytes were tampered with, or {@code owner} or
     *     {@code keyId} differ from those given to {@link #wrap}
     */
    public DataKey unwrap(UUID keyId, String kekId, byte[] wrapped, String owner) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(wrapped, "wrapped");
        SecretKey kek = keks.get(kekId);
        if (kek == null) {
            throw new CryptoException(
                    "wrapped data key " + keyId + " names unknown key-encryption key id '" + kekId + "'");
        }
        byte[] plain = AesGcm.open(kek, wrapped, wrapAad(owner, keyId, kekId), "wrapped data key " + keyId);
        try {
            return new DataKey(keyId, plain);
        } catch (IllegalArgumentException wrongLength) {
            throw new CryptoException("wrapped data key " + keyId + " does not hold a 256-bit key");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Encrypts with a fresh random nonce; {@code context} (e.g. table, customer, version) is authenticated. */
    public byte[] encrypt(DataKey key, byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        return AesGcm.seal(aesKey(key), plaintext, contextAad(context));
    }

    /**
     * Decrypts what {@link #encrypt} produced with the same key and context.
     *
     * @throws CryptoException on any failure: tampered or truncated input, wrong key or wrong context
     */
    public byte[] decrypt(DataKey key, byte[] ciphertext, String context) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return AesGcm.open(aesKey(key), ciphertext, contextAad(context), "ciphertext");
    }

    private static SecretKey aesKey(DataKey key) {
        Objects.requireNonNull(key, "key");
        return aesKey(key.key());
    }

    private static SecretKey aesKey(byte[] bytes) {
        try {
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] contextAad(String context) {
        return Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8);
    }

    // Length-prefixed fields, so no two different (owner, key id, KEK id) triples encode alike.
    static byte[] wrapAad(String owner, UUID keyId, String kekId) {
        Objects.requireNonNull(owner, "owner");
        ByteArrayOutputStream aad = new ByteArrayOutputStream();
        for (String field : new String[] {owner, keyId.toString(), kekId}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            aad.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            aad.writeBytes(bytes);
        }
        byte[] fields = aad.toByteArray();
        byte[] all = Arrays.copyOf(WRAP_LABEL, WRAP_LABEL.length + fields.length);
        System.arraycopy(fields, 0, all, WRAP_LABEL.length, fields.length);
        return all;
    }
}
