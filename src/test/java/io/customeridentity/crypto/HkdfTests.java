package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTests {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 5869, Appendix A.1 (Test Case 1): basic test case with SHA-256.
    private static final byte[] CASE_1_IKM = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    private static final byte[] CASE_1_SALT = HEX.parseHex("000102030405060708090a0b0c");
    private static final byte[] CASE_1_INFO = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
    private static final int CASE_1_LENGTH = 42;
    private static final String CASE_1_OKM =
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865";

    // RFC 5869, Appendix A.3 (Test Case 3): SHA-256 with zero-length salt and info.
    private static final byte[] CASE_3_IKM = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    private static final byte[] CASE_3_SALT = new byte[0];
    private static final byte[] CASE_3_INFO = new byte[0];
    private static final int CASE_3_LENGTH = 42;
    private static final String CASE_3_OKM =
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";

    @Test
    void matchesRfc5869TestCase1() {
        assertThat(HEX.formatHex(Hkdf.derive(CASE_1_IKM, CASE_1_SALT, CASE_1_INFO, CASE_1_LENGTH)))
                .isEqualTo(CASE_1_OKM);
    }

    @Test
    void matchesRfc5869TestCase3WithEmptySaltAndInfo() {
        assertThat(HEX.formatHex(Hkdf.derive(CASE_3_IKM, CASE_3_SALT, CASE_3_INFO, CASE_3_LENGTH)))
                .isEqualTo(CASE_3_OKM);
    }

    @Test
    void shorterOutputIsPrefixOfLongerOutput() {
        assertThat(HEX.formatHex(Hkdf.derive(CASE_1_IKM, CASE_1_SALT, CASE_1_INFO, 16)))
                .isEqualTo(CASE_1_OKM.substring(0, 32));
    }

    @Test
    void rejectsLengthsHkdfSha256CannotProduce() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hkdf.derive(CASE_1_IKM, CASE_1_SALT, CASE_1_INFO, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hkdf.derive(CASE_1_IKM, CASE_1_SALT, CASE_1_INFO, 255 * 32 + 1));
        assertThat(Hkdf.derive(CASE_1_IKM, CASE_1_SALT, CASE_1_INFO, 255 * 32)).hasSize(255 * 32);
    }
}
