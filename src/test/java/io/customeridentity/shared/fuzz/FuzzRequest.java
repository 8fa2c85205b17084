package io.customeridentity.shared.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request exactly as it goes on the wire: method, request target (path and query, already encoded or
 * deliberately not), headers in order (duplicates allowed) and body bytes; {@code expect} says what the case needs
 * beyond the rules every answer obeys.
 */
record FuzzRequest(
        String operation,
        String what,
        String method,
        String target,
        List<Map.Entry<String, byte[]>> headers,
        byte[] body,
        Expect expect) {

    /** What a case requires of its answer on top of the general rules. */
    enum Expect {
        ANY,
        /** The body is over the configured limit: 413 (or 401 without a token). */
        TOO_LARGE
    }

    static FuzzRequest of(String operation, String what, String method, String target) {
        return new FuzzRequest(operation, what, method, target, new ArrayList<>(), null, Expect.ANY);
    }

    FuzzRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest header(String name, byte[] value) {
        List<Map.Entry<String, byte[]>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new FuzzRequest(operation, what, method, target, more, body, expect);
    }

    FuzzRequest withoutHeader(String name) {
        List<Map.Entry<String, byte[]>> fewer = new ArrayList<>(headers);
        fewer.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        return new FuzzRequest(operation, what, method, target, fewer, body, expect);
    }

    FuzzRequest body(byte[] bytes) {
        return new FuzzRequest(operation, what, method, target, headers, bytes, expect);
    }

    FuzzRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest what(String description) {
        return new FuzzRequest(operation, description, method, target, headers, body, expect);
    }

    FuzzRequest method(String other) {
        return new FuzzRequest(operation, what, other, target, headers, body, expect);
    }

    FuzzRequest target(String other) {
        return new FuzzRequest(operation, what, method, other, headers, body, expect);
    }

    FuzzRequest expecting(Expect other) {
        return new FuzzRequest(operation, what, method, target, headers, body, other);
    }

    boolean hasToken() {
        return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase("Authorization"));
    }

    /** Enough to send the same request again by hand: method, target, headers, an excerpt of the body. */
    String reproduction() {
        StringBuilder text = new StringBuilder();
        text.append(operation).append(" / ").append(what).append('\n');
        text.append("  ")
                .append(method)
                .append(' ')
                .append(Excerpts.of(target, 300))
                .append('\n');
        for (Map.Entry<String, byte[]> header : headers) {
            String value = header.getKey().equalsIgnoreCase("Authorization")
                    ? "Bearer <token with every scope>"
                    : Excerpts.of(header.getValue(), 120);
            text.append("  ").append(header.getKey()).append(": ").append(value).append('\n');
        }
        if (body != null) {
            text.append("  body (").append(body.length).append(" bytes): ").append(Excerpts.of(body, 300));
        }
        return text.toString();
    }
}
