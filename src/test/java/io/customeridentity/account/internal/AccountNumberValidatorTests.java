package io.customeridentity.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.account.AccountType;
import io.customeridentity.account.InvalidAccountNumber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNumberValidatorTests {

    static Stream<String> registryIbans() throws IOException {
        return referenceColumn("iban_valid.txt").stream();
    }

    static Stream<String> publishedTestCards() throws IOException {
        return referenceColumn("pan_test_cards.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("registryIbans")
    void acceptsEveryRegistryExampleIban(String iban) {
        assertThat(AccountNumberValidator.validate(iban, AccountType.IBAN).normalized())
                .isEqualTo(iban);
    }

    @ParameterizedTest
    @MethodSource("registryIbans")
    void rejectsEveryRegistryIbanWithAChangedDigit(String iban) {
        int position = iban.length() - 1;
        while (!Character.isDigit(iban.charAt(position))) {
            position--;
        }
        char digit = iban.charAt(position);
        String typo =
                iban.substring(0, position) + (char) ('0' + (digit - '0' + 1) % 10) + iban.substring(position + 1);

        assertThatThrownBy(() -> AccountNumberValidator.validate(typo, AccountType.IBAN))
                .isInstanceOf(InvalidAccountNumber.class)
                .hasMessageContaining("check digits")
                .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain(typo, iban));
    }

    @Test
    void readsIbansWrittenInGroupsOfFour() {
        AccountNumberValidator.Valid valid =
                AccountNumberValidator.validate("gb82 west 1234 5698 7654 32", AccountType.IBAN);

        assertThat(valid.normalized()).isEqualTo("GB82WEST12345698765432");
        assertThat(valid.masked()).isEqualTo("******************5432");
        assertThat(valid.last4()).isEqualTo("5432");
    }

    @Test
    void explainsWhatIsWrongWithAnIban() {
        assertThatThrownBy(() -> AccountNumberValidator.validate("ZZ82WEST12345698765432", AccountType.IBAN))
                .hasMessageContaining("country");
        assertThatThrownBy(() -> AccountNumberValidator.validate("GB82WEST1234569876543", AccountType.IBAN))
                .hasMessageContaining("length");
        assertThatThrownBy(() -> AccountNumberValidator.validate("GB83WEST12345698765432", AccountType.IBAN))
                .hasMessageContaining("check digits");
    }

    @ParameterizedTest
    @MethodSource("publishedTestCards")
    void acceptsPublishedTestCardsAndMasksAllButFirstSixAndLastFour(String pan) {
        AccountNumberValidator.Valid valid = AccountNumberValidator.validate(pan, AccountType.CARD);

        assertThat(valid.masked()).startsWith(pan.substring(0, 6)).endsWith(pan.substring(pan.length() - 4));
        assertThat(valid.masked()).hasSize(pan.length());
        assertThat(valid.masked().substring(6, pan.length() - 4)).matches("\\*+");
    }

    @ParameterizedTest
    @MethodSource("publishedTestCards")
    void rejectsPublishedTestCardsWithAChangedLastDigit(String pan) {
        String typo = pan.substring(0, pan.length() - 1) + (char) ('0' + (pan.charAt(pan.length() - 1) - '0' + 1) % 10);

        assertThatThrownBy(() -> AccountNumberValidator.validate(typo, AccountType.CARD))
                .hasMessageContaining("Luhn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42424242424", "42424242424242424242", "4242-4242-4242-424X"})
    void rejectsCardsOfTheWrongShape(String pan) {
        assertThatThrownBy(() -> AccountNumberValidator.validate(pan, AccountType.CARD))
                .hasMessageContaining("12 to 19 digits");
    }

    @Test
    void checksUsRoutingNumbers() {
        assertThat(AccountNumberValidator.validate("011000015:123456789", AccountType.BANK_ACCOUNT)
                        .masked())
                .isEqualTo("*".repeat(15) + "6789");
        assertThatThrownBy(() -> AccountNumberValidator.validate("011000016:123456789", AccountType.BANK_ACCOUNT))
                .hasMessageContaining("ABA");
        assertThatThrownBy(() -> AccountNumberValidator.validate("01100001:123456789", AccountType.BANK_ACCOUNT))
                .hasMessageContaining("routing:account");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "12#45"})
    void rejectsOtherNumbersOutsideFourToThirtyFourLettersAndDigits(String number) {
        assertThatThrownBy(() -> AccountNumberValidator.validate(number, AccountType.INVESTMENT))
                .hasMessageContaining("4 to 34");
    }

    private static List<String> referenceColumn(String file) throws IOException {
        try (InputStream in = AccountNumberValidatorTests.class.getResourceAsStream("/reference-data/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t")[0].strip())
                    .toList();
        }
    }
}
