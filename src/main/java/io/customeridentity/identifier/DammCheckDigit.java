package io.customeridentity.identifier;

import java.util.Objects;

/**
 * The Damm check digit over decimal strings, which catches every single-digit error and every adjacent transposition.
 */
public final class DammCheckDigit {

    // Damm's order-10 weakly totally anti-symmetric quasigroup (2004, p. 111); row = interim, column = next digit.
    private static final int[][] TABLE = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
    };

    private DammCheckDigit() {}

    /**
     * Returns the check digit to append to {@code digits}.
     *
     * @throws IllegalArgumentException if {@code digits} contains anything but ASCII digits
     */
    public static int compute(CharSequence digits) {
        return interim(digits);
    }

    /**
     * Tells whether {@code digitsEndingWithCheck} (at least one digit) ends with its correct check digit.
     *
     * @throws IllegalArgumentException if the input contains anything but ASCII digits
     */
    public static boolean isValid(CharSequence digitsEndingWithCheck) {
        return interim(digitsEndingWithCheck) == 0 && digitsEndingWithCheck.length() > 0;
    }

    private static int interim(CharSequence digits) {
        Objects.requireNonNull(digits, "digits");
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!Ascii.isDigit(c)) {
                throw new IllegalArgumentException(
                        "Damm check digits are defined over decimal digits only (position " + i + " is not one)");
            }
            interim = TABLE[interim][c - '0'];
        }
        return interim;
    }
}
