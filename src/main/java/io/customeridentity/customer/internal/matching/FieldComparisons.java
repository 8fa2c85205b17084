package io.customeridentity.customer.internal.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares two profiles field by field into comparison levels ({@link Level}): exact, close (a typo, a phonetic
 * variant, a swapped day and month, a changed house number), different, or missing on either side.
 */
final class FieldComparisons {

    /** The fields compared, in the order of the answer; their names are the API's. */
    static final List<String> FIELDS = List.of(
            "givenName",
            "familyName",
            "birthDate",
            "address.line1",
            "address.line2",
            "address.city",
            "address.postalCode",
            "address.region",
            "email",
            "phone");

    /** Jaro-Winkler similarity from which two texts count as close. */
    static final double CLOSE_TEXT = 0.88;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(1);

    private FieldComparisons() {}

    /** How alike two values of a field are. */
    enum Level {
        EXACT,
        CLOSE,
        DIFFERENT,
        MISSING;

        /** As in the API and the weights: lower case. */
        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One field's level. */
    record Compared(String field, Level level) {}

    /** The level of every field of {@link #FIELDS}, in that order. */
    static List<Compared> compare(MatchFeatures a, MatchFeatures b) {
        Level given = name(a.givenName(), b.givenName());
        Level family = name(a.familyName(), b.familyName());
        // A given and family name entered the wrong way round: taken as they were meant, when that is closer.
        Level givenSwapped = name(a.givenName(), b.familyName());
        Level familySwapped = name(a.familyName(), b.givenName());
        if (givenSwapped.compareTo(Level.DIFFERENT) < 0
                && familySwapped.compareTo(Level.DIFFERENT) < 0
                && given.compareTo(Level.CLOSE) > 0
                && family.compareTo(Level.CLOSE) > 0) {
            given = givenSwapped;
            family = familySwapped;
        }
        List<Compared> compared = new ArrayList<>(FIELDS.size());
        compared.add(new Compared("givenName", given));
        compared.add(new Compared("familyName", family));
        compared.add(new Compared("birthDate", birthDate(a.birthDate(), b.birthDate())));
        compared.add(new Compared("address.line1", line1(a, b)));
        compared.add(new Compared("address.line2", text(a.line2(), b.line2())));
        compared.add(new Compared("address.city", text(a.city(), b.city())));
        compared.add(new Compared("address.postalCode", code(a.postalCode(), b.postalCode())));
        compared.add(new Compared("address.region", exactOnly(a.region(), b.region())));
        compared.add(new Compared("email", email(a.email(), b.email())));
        compared.add(new Compared("phone", exactOnly(a.phone(), b.phone())));
        return compared;
    }

    /** Close: Jaro-Winkler at least {@link #CLOSE_TEXT}, or the same phonetic code. */
    static Level name(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (JARO_WINKLER.apply(a, b) >= CLOSE_TEXT || Objects.equals(MatchText.phonetic(a), MatchText.phonetic(b))) {
            return Level.CLOSE;
        }
        return Level.DIFFERENT;
    }

    /** Close: Jaro-Winkler at least {@link #CLOSE_TEXT}. */
    static Level text(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        return JARO_WINKLER.apply(a, b) >= CLOSE_TEXT ? Level.CLOSE : Level.DIFFERENT;
    }

    /** Close: one edit or two adjacent characters swapped ("2065", "2056"). */
    static Level code(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        return withinOneEdit(a, b) ? Level.CLOSE : Level.DIFFERENT;
    }

    /** Close: day and month swapped, or one of year, month and day different (a typo in one part). */
    static Level birthDate(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        boolean swapped = a.getYear() == b.getYear()
                && a.getMonthValue() == b.getDayOfMonth()
                && a.getDayOfMonth() == b.getMonthValue();
        int same = (a.getYear() == b.getYear() ? 1 : 0)
                + (a.getMonthValue() == b.getMonthValue() ? 1 : 0)
                + (a.getDayOfMonth() == b.getDayOfMonth() ? 1 : 0);
        return swapped || same == 2 || withinOneEdit(digits(a), digits(b)) ? Level.CLOSE : Level.DIFFERENT;
    }

    /**
     * Exact: same house number (or none on both) and street. Close: the same street with another or no number, or
     * the same number on a street within a typo.
     */
    static Level line1(MatchFeatures a, MatchFeatures b) {
        if (a.street() == null && a.streetNumber() == null || b.street() == null && b.streetNumber() == null) {
            return Level.MISSING;
        }
        Level street = text(a.street(), b.street());
        boolean sameNumber = Objects.equals(a.streetNumber(), b.streetNumber());
        if (street == Level.EXACT && sameNumber) {
            return Level.EXACT;
        }
        if (street == Level.EXACT || street == Level.CLOSE && sameNumber) {
            return Level.CLOSE;
        }
        if (street == Level.MISSING && sameNumber) {
            return Level.CLOSE;
        }
        return Level.DIFFERENT;
    }

    /** Close: the same local part at another domain, or one edit apart. */
    static Level email(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        if (a.equals(b)) {
            return Level.EXACT;
        }
        String localA = a.substring(0, Math.max(0, a.indexOf('@')));
        String localB = b.substring(0, Math.max(0, b.indexOf('@')));
        return localA.equals(localB) || withinOneEdit(a, b) ? Level.CLOSE : Level.DIFFERENT;
    }

    static Level exactOnly(String a, String b) {
        if (a == null || b == null) {
            return Level.MISSING;
        }
        return a.equals(b) ? Level.EXACT : Level.DIFFERENT;
    }

    /** One insertion, deletion or substitution, or one swap of adjacent characters. */
    static boolean withinOneEdit(String a, String b) {
        if (WITHIN_ONE.apply(a, b) >= 0) {
            return true;
        }
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1
                            && a.charAt(first) == b.charAt(i)
                            && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }

    private static String digits(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }
}
