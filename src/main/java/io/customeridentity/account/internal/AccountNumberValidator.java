package io.customeridentity.account.internal;

import io.customeridentity.account.AccountType;
import io.customeridentity.account.InvalidAccountNumber;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.apache.commons.validator.routines.IBANValidatorStatus;
import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;

/**
 * Normalises, validates and masks account numbers with Apache Commons Validator's well-kept rules (SWIFT IBAN
 * registry, Luhn, ABA routing checksum). Reasons say what is wrong, never what was sent.
 */
final class AccountNumberValidator {

    /** A valid number: normalised (the fingerprinted and encrypted form) and its masked forms. */
    record Valid(String normalized, String masked, String last4) {

        @Override
        public String toString() {
            return "Valid[" + masked + "]";
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern GENERIC = Pattern.compile("[A-Z0-9]{4,34}");
    private static final Pattern US_BANK_ACCOUNT = Pattern.compile("([0-9]{9}):([0-9]{4,17})");
    private static final CreditCardValidator CARDS = CreditCardValidator.genericCreditCardValidator(12, 19);
    private static final int MAX_INPUT = 64;

    private AccountNumberValidator() {}

    /** The form every number is fingerprinted in, whatever its type: upper case, no spaces or hyphens. */
    static String normalize(String accountNumber) {
        if (accountNumber == null || accountNumber.length() > MAX_INPUT) {
            throw new InvalidAccountNumber("An account number of at most " + MAX_INPUT + " characters is required.");
        }
        return SEPARATORS.matcher(accountNumber).replaceAll("").toUpperCase(Locale.ROOT);
    }

    static Valid validate(String accountNumber, AccountType type) {
        String number = normalize(accountNumber);
        switch (type) {
            case IBAN -> iban(number);
            case CARD -> card(number);
            case BANK_ACCOUNT -> bankAccount(number);
            default -> generic(number);
        }
        String last4 = number.substring(number.length() - 4);
        String masked = type == AccountType.CARD
                ? number.substring(0, 6) + "*".repeat(number.length() - 10) + last4
                : "*".repeat(number.length() - 4) + last4;
        return new Valid(number, masked, last4);
    }

    private static void iban(String number) {
        IBANValidatorStatus status = IBANValidator.getInstance().validate(number);
        switch (status) {
            case VALID -> {}
            case UNKNOWN_COUNTRY ->
                throw new InvalidAccountNumber("The IBAN's country code is not in the IBAN registry.");
            case INVALID_LENGTH -> throw new InvalidAccountNumber("The IBAN has the wrong length for its country.");
            case INVALID_CHECKSUM ->
                throw new InvalidAccountNumber(
                        "The IBAN's check digits do not match (ISO 7064 MOD 97-10): probably a typo.");
            default -> throw new InvalidAccountNumber("The IBAN does not have its country's format.");
        }
    }

    private static void card(String number) {
        if (!number.matches("[0-9]{12,19}")) {
            throw new InvalidAccountNumber("A card number has 12 to 19 digits.");
        }
        if (!CARDS.isValid(number)) {
            throw new InvalidAccountNumber("The card number's check digit does not match (Luhn): probably a typo.");
        }
    }

    private static void bankAccount(String number) {
        if (number.indexOf(':') < 0) {
            generic(number);
            return;
        }
        var routing = US_BANK_ACCOUNT.matcher(number);
        if (!routing.matches()) {
            throw new InvalidAccountNumber(
                    "A US bank account is 'routing:account': 9 digits, a colon, 4 to 17 digits.");
        }
        if (!ABANumberCheckDigit.ABAN_CHECK_DIGIT.isValid(routing.group(1))) {
            throw new InvalidAccountNumber("The ABA routing number's check digit does not match: probably a typo.");
        }
    }

    private static void generic(String number) {
        if (!GENERIC.matcher(number).matches()) {
            throw new InvalidAccountNumber("An account number has 4 to 34 letters and digits.");
        }
    }
}
