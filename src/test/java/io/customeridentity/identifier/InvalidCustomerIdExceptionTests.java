package io.customeridentity.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.customeridentity.identifier.InvalidCustomerIdException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidCustomerIdExceptionTests {

    @Test
    void reasonsCarryTheStableProblemCodes() {
        assertThat(Reason.MALFORMED.code()).isEqualTo("invalid-customer-id");
        assertThat(Reason.CHECK_DIGIT_MISMATCH.code()).isEqualTo("check-digit-mismatch");
        assertThat(Reason.UNKNOWN_PREFIX.code()).isEqualTo("unknown-prefix");
    }

    @Test
    void factoriesSetTheReasonAndAHumanReadableMessage() {
        assertThat(InvalidCustomerIdException.malformed().reason()).isEqualTo(Reason.MALFORMED);
        assertThat(InvalidCustomerIdException.malformed().getMessage())
                .contains("two letters followed by eleven digits");
        assertThat(InvalidCustomerIdException.checkDigitMismatch().reason()).isEqualTo(Reason.CHECK_DIGIT_MISMATCH);
        assertThat(InvalidCustomerIdException.checkDigitMismatch().getMessage())
                .isEqualTo("The check digit does not match; the ID was probably mistyped.");
        assertThat(InvalidCustomerIdException.unknownPrefix("ZZ").reason()).isEqualTo(Reason.UNKNOWN_PREFIX);
    }

    @Test
    void unknownPrefixMessageNamesATwoLetterPrefixUpperCased() {
        assertThat(InvalidCustomerIdException.unknownPrefix("zq").getMessage()).contains("ZQ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "A1", "DROP TABLE", "\u00c4\u00d6"})
    void unknownPrefixMessageNeverEchoesArbitraryInput(String prefix) {
        String message = InvalidCustomerIdException.unknownPrefix(prefix).getMessage();

        assertThat(message).doesNotContain(prefix).doesNotContain("<").isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "AC-1234-5678-9Q0", "AC12345678901", "secret-token-1234"})
    void parsingMessagesNeverEchoTheInput(String input) {
        InvalidCustomerIdException e =
                catchThrowableOfType(InvalidCustomerIdException.class, () -> CustomerId.parse(input));

        assertThat(e.getMessage())
                .doesNotContain(input)
                .doesNotContain("<script>")
                .doesNotContain("secret");
    }
}
