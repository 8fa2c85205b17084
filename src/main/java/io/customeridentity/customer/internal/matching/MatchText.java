package io.customeridentity.customer.internal.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;

/** The text transformations of duplicate detection: folded, letter-only tokens and their phonetic codes. */
final class MatchText {

    private static final DoubleMetaphone PHONETIC = phonetic();

    private MatchText() {}

    /**
     * Lower case, accents and punctuation removed, runs of anything else one space: "  O'Brien-Smith " is
     * "obrien smith"; null for null or nothing left.
     */
    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019' || c == '.') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && !folded.isEmpty()) {
                    folded.append(' ');
                }
                folded.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return folded.isEmpty() ? null : folded.toString();
    }

    /** The folded text's tokens; empty for null. */
    static List<String> tokens(String folded) {
        return folded == null ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** Letters and digits only, upper case: postal codes "sw1a 1aa" and "SW1A1AA" are one. */
    static String compact(String text) {
        String folded = fold(text);
        return folded == null ? null : folded.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The Double Metaphone code (primary, 6 characters) of a folded name's longest token, which for names of several
     * words is the one least likely to be left out; null when it has none (digits only).
     */
    static String phonetic(String folded) {
        String longest = null;
        for (String token : tokens(folded)) {
            if (longest == null || token.length() > longest.length()) {
                longest = token;
            }
        }
        if (longest == null) {
            return null;
        }
        String code = PHONETIC.doubleMetaphone(longest);
        return code == null || code.isEmpty() ? null : code;
    }

    /**
     * The Double Metaphone code of a folded street's first word: the name, before the type that is often abbreviated
     * or left out ("ocean st", "ocean street"); null when it has none.
     */
    static String streetPhonetic(String folded) {
        List<String> tokens = tokens(folded);
        if (tokens.isEmpty()) {
            return null;
        }
        String code = PHONETIC.doubleMetaphone(tokens.get(0));
        return code == null || code.isEmpty() ? null : code;
    }

    private static DoubleMetaphone phonetic() {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        return metaphone;
    }
}
