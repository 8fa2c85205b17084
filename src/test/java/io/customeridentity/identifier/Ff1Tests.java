package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ff1Tests {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Arguments> nistSamples() {
        return ReferenceData.rows("fpe_ff1_nist_samples.tsv").stream()
                .map(row -> Arguments.of(
                        HEX.parseHex(row.get(0)),
                        Integer.parseInt(row.get(1)),
                        HEX.parseHex(row.get(2)),
                        row.get(3),
                        row.get(4)));
    }

    static Stream<Arguments> randomNumerals() {
        Random random = new Random(7);
        return IntStream.rangeClosed(2, 36)
                .boxed()
                .flatMap(radix -> IntStream.range(0, 5).mapToObj(i -> {
                    // FF1 needs radix^length >= 1,000,000.
                    int minLength = (int) Math.ceil(6 / Math.log10(radix));
                    char[] numeral = new char[minLength + random.nextInt(12)];
                    for (int j = 0; j < numeral.length; j++) {
                        numeral[j] = ALPHABET.charAt(random.nextInt(radix));
                    }
                    byte[] tweak = new byte[random.nextInt(17)];
                    random.nextBytes(tweak);
                    int keyLength = new int[] {16, 24, 32}[random.nextInt(3)];
                    return Arguments.of(TestKeys.key(random.nextLong(), keyLength), radix, tweak, new String(numeral));
                }));
    }

    @ParameterizedTest
    @MethodSource("nistSamples")
    void reproducesTheNistSampleVectors(byte[] key, int radix, byte[] tweak, String plaintext, String ciphertext) {
        Ff1 ff1 = new Ff1(key, radix);

        assertThat(ff1.encrypt(plaintext, tweak)).isEqualTo(ciphertext);
        assertThat(ff1.decrypt(ciphertext, tweak)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @MethodSource("randomNumerals")
    void decryptInvertsEncryptAndKeepsTheFormat(byte[] key, int radix, byte[] tweak, String numeral) {
        Ff1 ff1 = new Ff1(key, radix);

        String encrypted = ff1.encrypt(numeral, tweak);

        assertThat(encrypted).hasSameSizeAs(numeral);
        assertThat(encrypted.chars()).allMatch(c -> ALPHABET.indexOf(c) >= 0 && ALPHABET.indexOf(c) < radix);
        assertThat(ff1.decrypt(encrypted, tweak)).isEqualTo(numeral);
    }

    @Test
    void nullTweakMeansEmptyTweakAndOtherTweaksGiveOtherCiphertexts() {
        Ff1 ff1 = new Ff1(TestKeys.SEQUENTIAL, 10);

        assertThat(ff1.encrypt("0123456789", null)).isEqualTo(ff1.encrypt("0123456789", new byte[0]));
        assertThat(ff1.encrypt("0123456789", new byte[] {1})).isNotEqualTo(ff1.encrypt("0123456789", null));
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = TestKeys.key(1);
        Ff1 ff1 = new Ff1(key, 10);
        String before = ff1.encrypt("0123456789", null);

        key[0] ^= 1;

        assertThat(ff1.encrypt("0123456789", null)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 15, 17, 20, 31, 33, 64})
    void rejectsKeysThatAreNotAesKeys(int length) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Ff1(new byte[length], 10))
                .withMessageContaining("16, 24 or 32 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 37, 256})
    void rejectsRadixesOutsideTheAlphabet(int radix) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Ff1(TestKeys.key(1), radix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678a", "01234 6789", "0123-56789", "\u0660123456789"})
    void rejectsNumeralsOutsideTheRadixTenAlphabet(String numeral) {
        Ff1 ff1 = new Ff1(TestKeys.key(1), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> ff1.encrypt(numeral, null));
        assertThatIllegalArgumentException().isThrownBy(() -> ff1.decrypt(numeral, null));
    }

    @Test
    void rejectsUpperCaseLettersSoTheAlphabetStaysOneToOne() {
        Ff1 ff1 = new Ff1(TestKeys.key(1), 36);

        assertThatIllegalArgumentException().isThrownBy(() -> ff1.encrypt("0123456789ABCDEFGHI", null));
    }

    @Test
    void rejectsDomainsSmallerThanAMillionAsSp80038gRequires() {
        Ff1 ff1 = new Ff1(TestKeys.key(1), 10);

        assertThatIllegalArgumentException().isThrownBy(() -> ff1.encrypt("12345", null));
        assertThat(ff1.decrypt(ff1.encrypt("123456", null), null)).isEqualTo("123456");
    }
}
