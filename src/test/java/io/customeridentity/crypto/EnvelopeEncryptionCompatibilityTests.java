package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stored data stays readable: values written in the documented version-1 formats still open. The vectors were
 * produced independently with Python's {@code cryptography} package (HKDF-SHA256 and AESGCM) from
 * {@link TestKeys#MASTER_KEY_BYTES}, fixed nonces and the wrapping AAD
 * {@code "customer-identity/wrapped-data-key" || (u32 length || UTF-8) of owner, key id and KEK id}.
 */
class EnvelopeEncryptionCompatibilityTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final UUID KEY_ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final byte[] KEY = TestKeys.sequence(32, 0x10);
    private static final String OWNER = "AC12345678901";
    private static final String CONTEXT = "customer_versions:AC12345678901:3";
    private static final String PLAINTEXT = "ada.lovelace@example.org";

    private static final byte[] WRAPPED_V1 = HEX.parseHex("0102030405060708090a0b0c"
            + "87b5580ae15c15ebd6b290eee45be7303d6e92fd61ba6b089140d3164cf98cfe3a1f842b5bb00826e95f45e85e80ead5");
    private static final byte[] CIPHERTEXT = HEX.parseHex("65666768696a6b6c6d6e6f70"
            + "d87a80670e29d6eddcd63ec86a52588b493aadc44c17fd31c74f622f9f00fbaf95f23a263b4112f0");
    private static final String EMAIL_INDEX = "ac6f3ee4613f7e0e8fc83546725f747c2f814a9b7a6bd765647c1d8beec994e3";

    private final EnvelopeEncryption encryption = new EnvelopeEncryption(TestKeys.masterKey());

    @Test
    void unwrapsDataKeyWrappedUnderKekVersionOne() {
        assertThat(encryption.unwrap(KEY_ID, "kek-v1", WRAPPED_V1, OWNER)).isEqualTo(new DataKey(KEY_ID, KEY));
    }

    @Test
    void decryptsFieldEncryptedWithADataKey() {
        byte[] plaintext = encryption.decrypt(new DataKey(KEY_ID, KEY), CIPHERTEXT, CONTEXT);

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void computesTheSameBlindIndex() {
        assertThat(HEX.formatHex(new BlindIndex(TestKeys.masterKey(), "email").of(PLAINTEXT)))
                .isEqualTo(EMAIL_INDEX);
    }
}
