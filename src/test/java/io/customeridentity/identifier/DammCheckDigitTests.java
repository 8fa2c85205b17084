package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DammCheckDigitTests {

    static Stream<Arguments> publishedVectors() {
        return ReferenceData.rows("damm.tsv").stream()
                .map(row -> Arguments.of(row.get(0), Integer.parseInt(row.get(1))));
    }

    static Stream<String> knownInvalidStrings() {
        List<String> invalid = ReferenceData.comments("damm.tsv").stream()
                .filter(comment -> comment.startsWith("Known-invalid"))
                .flatMap(comment -> Arrays.stream(
                        comment.substring(comment.indexOf(':') + 1).split(",")))
                .map(String::strip)
                .toList();
        assertThat(invalid).as("known-invalid strings in the damm.tsv header").isNotEmpty();
        return invalid.stream();
    }

    static Stream<String> randomDigitStrings() {
        Random random = new Random(42);
        return Stream.generate(() -> {
                    char[] digits = new char[1 + random.nextInt(20)];
                    for (int i = 0; i < digits.length; i++) {
                        digits[i] = (char) ('0' + random.nextInt(10));
                    }
                    return new String(digits);
                })
                .limit(200);
    }

    @ParameterizedTest
    @MethodSource("publishedVectors")
    void computesThePublishedCheckDigit(String body, int expected) {
        assertThat(DammCheckDigit.compute(body)).isEqualTo(expected);
        assertThat(DammCheckDigit.isValid(body + expected)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("knownInvalidStrings")
    void rejectsKnownInvalidStrings(String invalid) {
        assertThat(DammCheckDigit.isValid(invalid)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1012" + "1234567890" + "0", "1012" + "0000000000" + "7", "1120" + "9876543210" + "1"})
    void validatesTheSpecExamplesWithPrefixLettersAsTwoDigits(String digitsWithCheck) {
        String body = digitsWithCheck.substring(0, digitsWithCheck.length() - 1);
        int check = digitsWithCheck.charAt(digitsWithCheck.length() - 1) - '0';

        assertThat(DammCheckDigit.compute(body)).isEqualTo(check);
        assertThat(DammCheckDigit.isValid(digitsWithCheck)).isTrue();
    }

    @Test
    void followsTheStandardQuasigroupTable() {
        List<int[]> table = new ArrayList<>();
        for (List<String> row : ReferenceData.rows("damm_table.txt")) {
            table.add(Arrays.stream(row.get(0).split(" "))
                    .mapToInt(Integer::parseInt)
                    .toArray());
        }
        assertThat(table).hasSize(10);

        for (int a = 0; a < 10; a++) {
            assertThat(DammCheckDigit.compute(Integer.toString(a))).isEqualTo(table.get(0)[a]);
            for (int b = 0; b < 10; b++) {
                assertThat(DammCheckDigit.compute("" + a + b))
                        .as("interim after %d%d", a, b)
                        .isEqualTo(table.get(table.get(0)[a])[b]);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("randomDigitStrings")
    void appendedCheckDigitValidatesAndEverySingleDigitErrorIsCaught(String body) {
        String valid = body + DammCheckDigit.compute(body);
        assertThat(DammCheckDigit.isValid(valid)).isTrue();

        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != valid.charAt(position)) {
                    char[] mistyped = valid.toCharArray();
                    mistyped[position] = digit;
                    assertThat(DammCheckDigit.isValid(new String(mistyped)))
                            .as("%s mistyped as %s", valid, new String(mistyped))
                            .isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a4", " 1234", "12-34", "\u0661\u0662\u0663", "\uff11\uff12"})
    void rejectsAnythingButAsciiDigits(String notDigits) {
        assertThatIllegalArgumentException().isThrownBy(() -> DammCheckDigit.compute(notDigits));
        assertThatIllegalArgumentException().isThrownBy(() -> DammCheckDigit.isValid(notDigits));
    }

    @Test
    void emptyInputHasCheckDigitZeroButIsNotAValidCheckedString() {
        assertThat(DammCheckDigit.compute("")).isZero();
        assertThat(DammCheckDigit.isValid("")).isFalse();
    }
}
