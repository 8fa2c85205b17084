package io.customeridentity.shared.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** What the server sent back: status, headers (names lower-cased, the last of duplicates) and body. */
record FuzzAnswer(int status, Map<String, String> headers, byte[] body) {

    /** No answer at all: the connection was closed or timed out before a status line arrived. */
    static final int NONE = -1;

    String contentType() {
        return headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String excerpt() {
        return status + " " + contentType() + " " + Excerpts.of(body, 300);
    }
}
