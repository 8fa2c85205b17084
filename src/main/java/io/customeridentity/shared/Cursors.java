package io.customeridentity.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset-pagination cursors: callers pass them back unchanged; the content (a position, never an offset) is
 * ours to change.
 */
public final class Cursors {

    private Cursors() {}

    public static String encode(String kind, long position) {
        String plain = kind + ":" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a cursor of the given kind; {@link InvalidInputException} for anything else. */
    public static long decode(String kind, String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (plain.startsWith(kind + ":")) {
                return Long.parseLong(plain.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        throw InvalidInputException.of("cursor", "Not a cursor this service issued for this list.");
    }
}
