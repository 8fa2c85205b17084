package io.customeridentity.customer.web;

import java.util.Locale;

/** The one preference of {@code Prefer} (RFC 7240) the registration honours: {@code duplicates=reject}. */
final class PreferHeader {

    static final String REJECT_DUPLICATES = "duplicates=reject";

    private PreferHeader() {}

    /** Whether any comma-separated preference is {@code duplicates=reject} (case-insensitive, spaces and parameters allowed). */
    static boolean rejectsDuplicates(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference
                    .split(";", 2)[0]
                    .replace(" ", "")
                    .replace("\t", "")
                    .toLowerCase(Locale.ROOT);
            if (token.equals(REJECT_DUPLICATES) || token.equals("duplicates=\"reject\"")) {
                return true;
            }
        }
        return false;
    }
}
