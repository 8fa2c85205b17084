package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class MasterKeyTests {

    static Stream<String> invalidValues() {
        return Stream.of(
                "",
                "   ",
                "\n",
                "not base64 at all!",
                "my-secret-master-key-value",
                Base64.getUrlEncoder().encodeToString(TestKeys.sequence(32, 0xF8)), // URL alphabet: '-' and '_'
                Base64.getEncoder().encodeToString(TestKeys.sequence(31, 1)),
                Base64.getEncoder().encodeToString(TestKeys.sequence(33, 1)),
                Base64.getEncoder().encodeToString(new byte[0]) + "====");
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("invalidValues")
    void rejectsMissingMalformedOrWronglySizedKeysNamingThePropertyButNotTheValue(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MasterKey.fromBase64(value))
                .withMessageContaining("customer-identity.crypto.master-key")
                .withMessageContaining("CUSTOMER_IDENTITY_CRYPTO_MASTER_KEY")
                .withNoCause()
                .satisfies(e -> {
                    if (value != null && !value.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(value.strip());
                    }
                });
    }

    @Test
    void saysHowManyBytesAWronglySizedKeyHas() {
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[33])))
                .hasMessageContaining("33 bytes");
    }

    @Test
    void acceptsThirtyTwoBytesWithSurroundingWhitespace() {
        MasterKey padded = MasterKey.fromBase64("  " + TestKeys.MASTER_KEY_BASE64 + "\n");

        assertThat(padded.derive("p", 32)).isEqualTo(TestKeys.masterKey().derive("p", 32));
    }

    @Test
    void printsNoKeyMaterial() {
        MasterKey key = TestKeys.masterKey();

        assertThat(key.toString())
                .isEqualTo("MasterKey[****]")
                .doesNotContain(TestKeys.MASTER_KEY_BASE64)
                .doesNotContain(HexFormat.of().formatHex(TestKeys.MASTER_KEY_BYTES));
    }

    @Test
    void derivesDeterministically() {
        assertThat(TestKeys.masterKey().derive("customer-identity/kek/v1", 32))
                .isEqualTo(TestKeys.masterKey().derive("customer-identity/kek/v1", 32))
                .hasSize(32);
    }

    @Test
    void derivesHkdfSha256WithTheProjectSaltAndPurposeAsInfo() {
        byte[] expected = Hkdf.derive(
                TestKeys.MASTER_KEY_BYTES,
                "customer-identity".getBytes(StandardCharsets.UTF_8),
                "customer-identity/blind-index/email".getBytes(StandardCharsets.UTF_8),
                32);

        assertThat(TestKeys.masterKey().derive("customer-identity/blind-index/email", 32))
                .isEqualTo(expected);
    }

    @Test
    void derivesIndependentSubkeysPerPurpose() {
        MasterKey key = TestKeys.masterKey();

        assertThat(key.derive("customer-identity/blind-index/email", 32))
                .isNotEqualTo(key.derive("customer-identity/blind-index/phone", 32))
                .isNotEqualTo(key.derive("customer-identity/kek/v1", 32))
                .isNotEqualTo(TestKeys.MASTER_KEY_BYTES);
    }

    @Test
    void derivesDifferentSubkeysFromDifferentMasterKeys() {
        assertThat(TestKeys.masterKey().derive("p", 32))
                .isNotEqualTo(TestKeys.otherMasterKey().derive("p", 32));
    }

    @Test
    void derivesTheRequestedLength() {
        assertThat(TestKeys.masterKey().derive("p", 16)).hasSize(16);
        assertThat(TestKeys.masterKey().derive("p", 64)).hasSize(64);
    }

    @Test
    void handsOutACopyThatCallersMayWipe() {
        MasterKey key = TestKeys.masterKey();
        byte[] first = key.derive("p", 32);
        byte[] expected = first.clone();
        Arrays.fill(first, (byte) 0);

        assertThat(key.derive("p", 32)).isEqualTo(expected);
    }

    @Test
    void rejectsBlankPurposeAndImpossibleLengths() {
        MasterKey key = TestKeys.masterKey();

        assertThatIllegalArgumentException().isThrownBy(() -> key.derive(" ", 32));
        assertThatIllegalArgumentException().isThrownBy(() -> key.derive("p", 0));
        assertThatThrownBy(() -> key.derive(null, 32)).isInstanceOf(NullPointerException.class);
    }
}
