package io.customeridentity.identifier;

/** ASCII-only character tests, so that no locale or Unicode digit ever sneaks into an ID. */
final class Ascii {

    private Ascii() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return isUpperLetter(c) || (c >= 'a' && c <= 'z');
    }

    static char toUpper(char letter) {
        return (letter >= 'a' && letter <= 'z') ? (char) (letter - 'a' + 'A') : letter;
    }

    static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUpperLetters(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isUpperLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Returns the trimmed, upper-cased prefix if {@code s} is two ASCII letters, else {@code null}. */
    static String normalizePrefix(String s) {
        if (s == null) {
            return null;
        }
        String trimmed = s.strip();
        if (trimmed.length() != 2 || !isLetter(trimmed.charAt(0)) || !isLetter(trimmed.charAt(1))) {
            return null;
        }
        return new String(new char[] {toUpper(trimmed.charAt(0)), toUpper(trimmed.charAt(1))});
    }
}
