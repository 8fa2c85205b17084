package io.customeridentity.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset-pagination cursors: callers pass them back unchanged; the content (a position, never an offset) is
 * ours to change.
 */
public final class Cursors {

    private static final String SEPARATOR = "|";

    private Cursors() {}

    /** A cursor of the given kind holding the position's parts (which must not contain '|'). */
    public static String encode(String kind, Object... position) {
        StringBuilder plain = new StringBuilder(kind);
        for (Object part : position) {
            plain.append(SEPARATOR).append(part);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position's parts of a cursor of the given kind; {@link InvalidInputException} (field {@code cursor}) for
     * anything else. Callers convert the parts and report conversion failures with {@link #invalid()}.
     */
    public static List<String> decode(String kind, String cursor, int parts) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> split = List.of(plain.split("\\|", -1));
            if (split.size() == parts + 1 && split.get(0).equals(kind) && StorableInput.isStorable(plain)) {
                return split.subList(1, split.size());
            }
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        throw invalid();
    }

    public static InvalidInputException invalid() {
        return InvalidInputException.of("cursor", "Not a cursor this service issued for this list.");
    }
}
