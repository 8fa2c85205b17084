package io.customeridentity.identifier;

/**
 * A customer ID such as {@code AC12345678900}: a two-letter prefix, a ten-digit body and a Damm check digit computed
 * over the prefix (A=10 ... Z=35) and the body; valid by construction.
 *
 * @param prefix two upper-case ASCII letters
 * @param body ten ASCII digits
 * @param checkDigit the Damm check digit of the prefix and body
 */
public record CustomerId(String prefix, String body, int checkDigit) {

    /**
     * Validates the components.
     *
     * @throws InvalidCustomerIdException malformed for a bad prefix, body or a check digit outside 0..9; check-digit
     *     mismatch if the check digit is not the right one
     */
    public CustomerId {
        if (!isValidPrefix(prefix) || !isValidBody(body) || checkDigit < 0 || checkDigit > 9) {
            throw InvalidCustomerIdException.malformed();
        }
        if (checkDigit != checkDigitFor(prefix, body)) {
            throw InvalidCustomerIdException.checkDigitMismatch();
        }
    }

    /**
     * Creates the ID for a prefix and body, computing the check digit.
     *
     * @throws InvalidCustomerIdException (malformed) for a bad prefix or body
     */
    public static CustomerId of(String prefix, String body) {
        if (!isValidPrefix(prefix) || !isValidBody(body)) {
            throw InvalidCustomerIdException.malformed();
        }
        return new CustomerId(prefix, body, checkDigitFor(prefix, body));
    }

    /**
     * Parses an ID leniently: case-insensitive, ignoring whitespace, hyphens and dots, reading O as 0 and I or L as 1
     * in the digit positions.
     *
     * @throws InvalidCustomerIdException malformed or check-digit mismatch
     */
    public static CustomerId parse(String input) {
        String canonical = LenientInput.canonicalize(input);
        return new CustomerId(canonical.substring(0, 2), canonical.substring(2, 12), canonical.charAt(12) - '0');
    }

    /** Returns the canonical form, for example {@code AC12345678900}. */
    public String value() {
        return prefix + body + checkDigit;
    }

    /** Returns the form for people, for example {@code AC-1234-5678-900}. */
    public String displayForm() {
        return prefix + '-' + body.substring(0, 4) + '-' + body.substring(4, 8) + '-' + body.substring(8) + checkDigit;
    }

    @Override
    public String toString() {
        return value();
    }

    private static boolean isValidPrefix(String prefix) {
        return Ascii.isUpperLetters(prefix, 2);
    }

    private static boolean isValidBody(String body) {
        return Ascii.isDigits(body, BodyPermutation.BODY_LENGTH);
    }

    private static int checkDigitFor(String prefix, String body) {
        StringBuilder digits = new StringBuilder(2 * prefix.length() + body.length());
        for (int i = 0; i < prefix.length(); i++) {
            digits.append(prefix.charAt(i) - 'A' + 10);
        }
        return DammCheckDigit.compute(digits.append(body));
    }
}
