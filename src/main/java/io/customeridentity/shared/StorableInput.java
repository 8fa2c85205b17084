package io.customeridentity.shared;

import java.time.Instant;

/**
 * What PostgreSQL can store, checked once at the edge for every field: text without NUL and without unpaired UTF-16
 * surrogates (PostgreSQL refuses the one and the driver turns the other into {@code ?}), and instants from the year
 * 1900 to the year 9999 (PostgreSQL's range is wider on one side and narrower on the other than Java's).
 */
public final class StorableInput {

    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** The message every refused text carries, naming the rule, never the value. */
    public static final String TEXT_RULE = "Must not contain NUL characters or unpaired UTF-16 surrogates.";

    /** The message every refused instant carries. */
    public static final String INSTANT_RULE =
            "Must be an RFC 3339 instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z.";

    private StorableInput() {}

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public static boolean isStorable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
