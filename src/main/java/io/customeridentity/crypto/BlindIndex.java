package io.customeridentity.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** A keyed blind index (HMAC-SHA256) for exact-match look-ups without storing the value; thread-safe. */
public final class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKey subkey;

    /** Uses the subkey derived for {@code "customer-identity/blind-index/" + purpose}, e.g. purpose "email". */
    public BlindIndex(MasterKey masterKey, String purpose) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("a blind index purpose must not be blank");
        }
        byte[] bytes = masterKey.derive("customer-identity/blind-index/" + purpose, 32);
        this.subkey = new SecretKeySpec(bytes, ALGORITHM);
        Arrays.fill(bytes, (byte) 0);
    }

    /** The 32-byte index of an already normalised value; equal values give equal indexes. */
    public byte[] of(String normalizedValue) {
        Objects.requireNonNull(normalizedValue, "normalizedValue");
        try {
            // Mac is not thread-safe; a fresh instance per call keeps this class shareable.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(subkey);
            return mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
