package io.customeridentity.shared.fuzz;

import java.nio.charset.StandardCharsets;

/** Printable excerpts of what was sent or answered: control and non-ASCII characters escaped, long text cut. */
final class Excerpts {

    private Excerpts() {}

    static String of(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length && text.length() < max; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02X", b));
            }
        }
        return bytes.length > max ? text + "... (" + bytes.length + " bytes)" : text.toString();
    }

    static String of(String text, int max) {
        return of(text.getBytes(StandardCharsets.UTF_8), max);
    }
}
