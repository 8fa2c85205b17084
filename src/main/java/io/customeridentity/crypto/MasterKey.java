package io.customeridentity.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** The root secret from which every other key is derived; never printed. */
public final class MasterKey {

    static final int LENGTH = 32;

    private static final byte[] SALT = "customer-identity".getBytes(StandardCharsets.UTF_8);

    private static final String HOW_TO_CONFIGURE = "customer-identity.crypto.master-key (environment variable"
            + " CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY) must be the base64 encoding of exactly " + LENGTH
            + " random bytes, e.g. the output of `openssl rand -base64 32`";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /**
     * Decodes the configured master key.
     *
     * @throws IllegalArgumentException if the value is missing, blank, not base64 or not exactly 32 bytes; the
     *     message names the property, never the value
     */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(HOW_TO_CONFIGURE + "; it is not set");
        }
        byte[] decoded;
        try {
            // Line breaks and spaces are tolerated (secret files often end in a newline); anything else is an error.
            decoded = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message quotes the offending character, so it is deliberately not chained.
            throw new IllegalArgumentException(HOW_TO_CONFIGURE + "; it is not valid base64");
        }
        if (decoded.length != LENGTH) {
            int length = decoded.length;
            Arrays.fill(decoded, (byte) 0);
            throw new IllegalArgumentException(HOW_TO_CONFIGURE + "; it decodes to " + length + " bytes");
        }
        return new MasterKey(decoded);
    }

    /**
     * Derives an independent subkey for {@code purpose}: HKDF-SHA256 with salt {@code "customer-identity"} and the
     * purpose as info, so different purposes never share key material.
     */
    public byte[] derive(String purpose, int lengthBytes) {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isBlank()) {
            throw new IllegalArgumentException("a key derivation purpose must not be blank");
        }
        return Hkdf.derive(key, SALT, purpose.getBytes(StandardCharsets.UTF_8), lengthBytes);
    }

    @Override
    public String toString() {
        return "MasterKey[****]";
    }
}
