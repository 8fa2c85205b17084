package io.customeridentity.identifier;

/** Turns what a human typed or read over the phone into the 13 canonical characters of a customer ID. */
final class LenientInput {

    static final int MAX_INPUT_LENGTH = 64;
    static final int CANONICAL_LENGTH = 13;
    private static final int PREFIX_LENGTH = 2;

    private LenientInput() {}

    /**
     * Drops whitespace, hyphens and dots, upper-cases the prefix and reads O as 0 and I or L as 1 in the digit
     * positions.
     *
     * @throws InvalidCustomerIdException (malformed) if the result is not two letters and eleven digits
     */
    static String canonicalize(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            throw InvalidCustomerIdException.malformed();
        }
        char[] canonical = new char[CANONICAL_LENGTH];
        int length = 0;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            if (length == CANONICAL_LENGTH) {
                throw InvalidCustomerIdException.malformed();
            }
            canonical[length] = length < PREFIX_LENGTH ? prefixLetter(c) : digit(c);
            length++;
        }
        if (length != CANONICAL_LENGTH) {
            throw InvalidCustomerIdException.malformed();
        }
        return new String(canonical);
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static char prefixLetter(char c) {
        if (!Ascii.isLetter(c)) {
            throw InvalidCustomerIdException.malformed();
        }
        return Ascii.toUpper(c);
    }

    private static char digit(char c) {
        if (Ascii.isDigit(c)) {
            return c;
        }
        // Letters that look like digits when read aloud or handwritten.
        return switch (c) {
            case 'O', 'o' -> '0';
            case 'I', 'i', 'L', 'l' -> '1';
            default -> throw InvalidCustomerIdException.malformed();
        };
    }
}
