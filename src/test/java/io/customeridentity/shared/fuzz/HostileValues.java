package io.customeridentity.shared.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The hostile and malformed values the cases send, as Java text; {@link #json} and {@link #query} encode them. */
final class HostileValues {

    static final String MILLION = "a".repeat(1_000_000);

    private HostileValues() {}

    /** Text for string fields: lengths, what PostgreSQL cannot store, Unicode that trips renderers, injections. */
    static List<String> strings() {
        return List.of(
                "",
                "a",
                MILLION,
                "\u0000",
                "a\u0000b",
                "\ud800",
                "\udc00",
                "x\udbff",
                "\u202eevil\u202c",
                "e" + "\u0301".repeat(50),
                "\ud83d\ude00",
                "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
                "   ",
                "\t\r\n",
                "' OR '1'='1",
                "'; DROP TABLE customers; --",
                "<script>alert(1)</script>",
                "../../../../etc/passwd",
                "%00%s%n",
                "${jndi:ldap://127.0.0.1/x}",
                "\u00e9".repeat(10_000));
    }

    /** Text for date-time fields and parameters, including instants outside what PostgreSQL stores. */
    static List<String> instants() {
        return List.of(
                "yesterday",
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z",
                "-4714-11-24T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-01-01T00:00:00+99:00",
                "2026-01-01");
    }

    /** Raw JSON that is the wrong type for a value of this JSON node type. */
    static List<String> wrongTypes(String nodeType) {
        return switch (nodeType) {
            case "STRING" -> List.of("42", "-1.5e308", "true", "{}", "[]", "[\"x\"]");
            case "NUMBER" ->
                List.of(
                        "\"x\"",
                        "\"1\"",
                        "true",
                        "{}",
                        "[]",
                        "1.5",
                        "-1",
                        "0",
                        "2147483648",
                        "99999999999999999999",
                        "1e400",
                        "-1e400");
            case "BOOLEAN" -> List.of("\"true\"", "1", "{}", "[]");
            case "OBJECT" -> List.of("\"x\"", "1", "[]", "true", "{\"fuzz\":{\"deeper\":[1]}}");
            case "ARRAY" -> List.of("\"x\"", "{}", "1", "[null]", "[[]]");
            default -> List.of("\"x\"", "1", "{}");
        };
    }

    /** Query values, already in the request target's form: broken escapes stay broken. */
    static List<String> queryValues(String type, String format, String name) {
        List<String> values = new ArrayList<>(List.of(
                "",
                "%00",
                "a%00b",
                "%FF",
                "%C0%AF",
                "%ED%A0%80",
                "%",
                "%G1",
                "\u00ff",
                query("' OR 1=1--"),
                query("<script>alert(1)</script>"),
                query("../../etc/passwd"),
                query("\ud83d\ude00\u202e"),
                "x".repeat(10_000)));
        if ("integer".equals(type)) {
            values.addAll(List.of(
                    "-1",
                    "0",
                    "-2147483649",
                    "2147483648",
                    "99999999999999999999",
                    "1.5",
                    "1e3",
                    "0x10",
                    "+5",
                    "%205"));
        }
        if ("boolean".equals(type)) {
            values.addAll(List.of("yes", "2", "TRUE"));
        }
        if ("date-time".equals(format)) {
            instants().forEach(instant -> values.add(query(instant)));
        }
        if ("cursor".equals(name)) {
            values.addAll(cursors());
        }
        if ("type".equals(name) || "channel".equals(name)) {
            values.addAll(List.of("TELEPATHY", "web"));
        }
        return values;
    }

    /** Garbage and out-of-range cursors, some well-formed for each of the service's cursor kinds. */
    static List<String> cursors() {
        String uuid = "0196e4f2-7c1a-7000-8000-000000000001";
        List<String> cursors = new ArrayList<>(List.of("!!!", "AAAA", "%00", "=", "A".repeat(5_000)));
        for (String plain : List.of(
                "timeline|9223372036854775807|" + uuid,
                "timeline|-9223372036854775808|" + uuid,
                "timeline|-210866803200000000|" + uuid,
                "timeline|253402300800000000|" + uuid,
                "timeline|1|not-a-uuid",
                "timeline|1",
                "timeline|x|" + uuid,
                "version|-1",
                "version|0",
                "version|2147483648",
                "version|x",
                "inactive|'; DROP TABLE customers; --",
                "inactive|\u0000",
                "inactive|" + "a".repeat(1_000),
                "inactive|",
                "other|1")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        }
        cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {
            'i', 'n', 'a', 'c', 't', 'i', 'v', 'e', '|', (byte) 0xED, (byte) 0xA0, (byte) 0x80
        }));
        return cursors;
    }

    /** Path parameter values in the target's form: traversal, broken escapes, overlong IDs. */
    static List<String> pathValues() {
        return List.of(
                "..",
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e%2f%2e%2e",
                "....%2F%2F",
                "%5C..%5C",
                "%00",
                "a%00",
                "%FF",
                "%C0%AF",
                "%ED%A0%80",
                "\u00ff",
                "%25",
                "%",
                query("' OR 1=1--"),
                query("<script>"),
                query("\ud83d\ude00"),
                "A".repeat(300),
                "A".repeat(10_000),
                "-1",
                "99999999999999999999",
                "0",
                "%20",
                ";x=1",
                "a%2Fb",
                "AC-1234-5678-900");
    }

    /** Values of header parameters (Idempotency-Key, If-Match, ...), as the bytes sent. */
    static List<byte[]> headerValues() {
        List<byte[]> values = new ArrayList<>();
        for (String text : List.of(
                "",
                "\"1\"",
                "W/\"1\"",
                "*",
                "\"-1\"",
                "\"99999999999999999999\"",
                "\"abc\"",
                "%00",
                "' OR 1=1--",
                "x".repeat(9_000))) {
            values.add(text.getBytes(StandardCharsets.US_ASCII));
        }
        values.add(new byte[] {'a', (byte) 0xFF, 'b'});
        values.add(new byte[] {'a', 0, 'b'});
        values.add("\ud83d\ude00\u202e".getBytes(StandardCharsets.UTF_8));
        values.add(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        return values;
    }

    /** {@code text} as a JSON string literal; every surrogate escaped, so that unpaired ones can be sent. */
    static String json(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
