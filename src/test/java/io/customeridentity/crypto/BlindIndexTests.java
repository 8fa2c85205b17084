package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class BlindIndexTests {

    private static final String EMAIL = "ada.lovelace@example.org";

    private final BlindIndex emails = new BlindIndex(TestKeys.masterKey(), "email");

    @Test
    void isDeterministicAcrossInstances() {
        assertThat(emails.of(EMAIL))
                .isEqualTo(emails.of(EMAIL))
                .isEqualTo(new BlindIndex(TestKeys.masterKey(), "email").of(EMAIL));
    }

    @Test
    void isHmacSha256UnderTheSubkeyDerivedForThePurpose() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                TestKeys.masterKey().derive("customer-identity/blind-index/email", 32), "HmacSHA256"));

        assertThat(emails.of(EMAIL)).isEqualTo(mac.doFinal(EMAIL.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isThirtyTwoBytes() {
        assertThat(emails.of(EMAIL)).hasSize(32);
        assertThat(emails.of("")).hasSize(32);
    }

    @Test
    void differsPerPurpose() {
        assertThat(emails.of("+442079460958"))
                .isNotEqualTo(new BlindIndex(TestKeys.masterKey(), "phone").of("+442079460958"));
    }

    @Test
    void differsPerMasterKey() {
        assertThat(emails.of(EMAIL)).isNotEqualTo(new BlindIndex(TestKeys.otherMasterKey(), "email").of(EMAIL));
    }

    @Test
    void differsPerValue() {
        assertThat(emails.of(EMAIL)).isNotEqualTo(emails.of("ada.lovelace@example.com"));
    }

    @Test
    void doesNotContainTheValue() {
        byte[] value = EMAIL.getBytes(StandardCharsets.UTF_8);

        assertThat(Bytes.containsAnyWindow(emails.of(EMAIL), value, 4)).isFalse();
    }

    @Test
    void rejectsNullValueAndBlankPurpose() {
        assertThatThrownBy(() -> emails.of(null)).isInstanceOf(NullPointerException.class);
        assertThatIllegalArgumentException().isThrownBy(() -> new BlindIndex(TestKeys.masterKey(), " "));
    }
}
