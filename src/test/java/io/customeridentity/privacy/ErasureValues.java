package io.customeridentity.privacy;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Distinctive values for every personal field of one test person, unique per run (the test database is shared by the
 * whole suite, and the erasure test searches all of it): letters for text, random digits for numbers, valid IBANs and
 * cards.
 */
final class ErasureValues {

    private static final String LETTERS = "bcdfghjklmnpqrstvwxz";

    final Map<String, String> secrets = new LinkedHashMap<>();
    private final Random random;
    private final String tag;

    ErasureValues(long seed) {
        this.random = new Random(seed);
        this.tag = word(8);
    }

    /** A value for {@code field}, kept among the secrets to look for. */
    String text(String field) {
        String value = capitalised(word(6)) + "-" + tag + "-" + field.toLowerCase(java.util.Locale.ROOT);
        secrets.put(field, value);
        return value;
    }

    /** A short value (at most 12 characters), for fields such as the postal code. */
    String shortText(String field) {
        String value = capitalised(word(3)) + tag;
        secrets.put(field, value);
        return value;
    }

    String email(String field) {
        String value = word(10) + "." + tag + "@example.org";
        secrets.put(field, value);
        return value;
    }

    /** A German mobile number (0151 and eight random digits), in E.164 as the service stores it. */
    String phone(String field) {
        String value = "+49151" + digits(8);
        secrets.put(field, value);
        return value;
    }

    /** A valid GB IBAN with random bank code letters and digits; the compact form is kept (as the service stores). */
    String iban(String field) {
        String bban = word(4).toUpperCase(java.util.Locale.ROOT) + digits(14);
        String check = String.format("%02d", 98 - mod97(bban + "GB00"));
        String value = "GB" + check + bban;
        secrets.put(field, value);
        return value;
    }

    /** A Luhn-valid 16-digit card number starting with 4. */
    String card(String field) {
        String body = "4" + digits(14);
        String value = body + luhnDigit(body);
        secrets.put(field, value);
        return value;
    }

    private String word(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static int mod97(String rearranged) {
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    private static int luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
