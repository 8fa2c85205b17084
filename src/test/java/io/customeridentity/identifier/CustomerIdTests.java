package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.identifier.InvalidCustomerIdException.Reason;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdTests {

    private static final String CANONICAL = "AC12345678900";

    static Stream<String> malformedInputs() {
        return Stream.of(
                null,
                "",
                "   ",
                "- . -",
                "AC1234567890", // 12 characters
                "AC123456789000", // 14 characters
                "A112345678900", // digit in the prefix
                "1C12345678900",
                "AC1234567X900", // X is no digit look-alike
                "AC12345678B00",
                "\u00c4C12345678900", // non-ASCII letter in the prefix
                "AC12345678\uff1900", // full-width digit
                "AC\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0660", // Arabic-Indic digits
                "AC1234567890\u0301", // combining accent
                "AC123456789\ud83d\ude00", // emoji
                "AC_1234_5678_900",
                "AC12345678900\u0000",
                CANONICAL + " ".repeat(LenientInput.MAX_INPUT_LENGTH - CANONICAL.length() + 1),
                "AC" + "0".repeat(100));
    }

    @ParameterizedTest
    @CsvSource({
        "AC, 1234567890, 0, AC12345678900, AC-1234-5678-900",
        "AC, 0000000000, 7, AC00000000007, AC-0000-0000-007",
        "BK, 9876543210, 1, BK98765432101, BK-9876-5432-101"
    })
    void computesTheSpecExamples(String prefix, String body, int check, String canonical, String display) {
        CustomerId id = CustomerId.of(prefix, body);

        assertThat(id.checkDigit()).isEqualTo(check);
        assertThat(id.value()).isEqualTo(canonical);
        assertThat(id.toString()).isEqualTo(canonical);
        assertThat(id.displayForm()).isEqualTo(display);
        assertThat(new CustomerId(prefix, body, check)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "AC12345678900",
                "ac 1234 5678 9OO",
                "AC-1234-5678-900",
                "ac.1234.5678.900",
                " a c 1 2 3 4 5 6 7 8 9 0 0 ",
                "AC-I234-5678-900",
                "AC-i234-5678-9oo",
                "AC-L234-5678-900",
                "aC-l234-5678-9O0",
                "Ac\t1234\n5678\u00a0900",
                "AC..1234--5678  900",
                "  AC-1234-5678-900                                             "
            })
    void parsesWhatHumansTypeToTheCanonicalId(String input) {
        CustomerId id = CustomerId.parse(input);

        assertThat(id.value()).isEqualTo(CANONICAL);
        assertThat(id).isEqualTo(new CustomerId("AC", "1234567890", 0));
    }

    @ParameterizedTest
    @MethodSource("malformedInputs")
    void rejectsMalformedInput(String input) {
        assertReason(() -> CustomerId.parse(input), Reason.MALFORMED);
    }

    @Test
    void acceptsInputUpToTheLengthLimit() {
        String padded = CANONICAL + " ".repeat(LenientInput.MAX_INPUT_LENGTH - CANONICAL.length());

        assertThat(CustomerId.parse(padded).value()).isEqualTo(CANONICAL);
    }

    @Test
    void lettersThatLookLikeDigitsAreNotReadAsDigitsInThePrefix() {
        assertThat(CustomerId.parse(CustomerId.of("OL", "1234567890").value()).prefix())
                .isEqualTo("OL");
        assertReason(() -> CustomerId.parse("0112345678900"), Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AC12345678901", "AC-1234-5678-909", "ac 1234 5678 9OI"})
    void rejectsWellFormedInputWithTheWrongCheckDigit(String input) {
        assertReason(() -> CustomerId.parse(input), Reason.CHECK_DIGIT_MISMATCH);
    }

    @Test
    void constructorRejectsTheWrongCheckDigit() {
        assertReason(() -> new CustomerId("AC", "1234567890", 1), Reason.CHECK_DIGIT_MISMATCH);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "null, 1234567890, 0",
                "ac, 1234567890, 0",
                "A, 1234567890, 0",
                "ACX, 1234567890, 0",
                "A1, 1234567890, 0",
                "AC, null, 0",
                "AC, 123456789, 0",
                "AC, 12345678901, 0",
                "AC, 12345678O0, 0",
                "AC, 1234567890, -1",
                "AC, 1234567890, 10"
            })
    void constructorRejectsMalformedComponents(String prefix, String body, int checkDigit) {
        assertReason(() -> new CustomerId(prefix, body, checkDigit), Reason.MALFORMED);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"null, 1234567890", "ac, 1234567890", "A1, 1234567890", "AC, null", "AC, 123456789O"})
    void ofRejectsMalformedComponents(String prefix, String body) {
        assertReason(() -> CustomerId.of(prefix, body), Reason.MALFORMED);
    }

    @Test
    void displayFormAndValueParseBackToTheSameId() {
        CustomerId id = CustomerId.of("BK", "9876543210");

        assertThat(CustomerId.parse(id.displayForm())).isEqualTo(id);
        assertThat(CustomerId.parse(id.value())).isEqualTo(id);
        assertThat(CustomerId.parse(id.toString())).isEqualTo(id);
    }

    static void assertReason(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidCustomerIdException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
