package io.customeridentity.shared.fuzz;

import io.customeridentity.shared.fuzz.ApiSpec.Operation;
import io.customeridentity.shared.fuzz.ApiSpec.Parameter;
import io.customeridentity.shared.fuzz.FuzzRequest.Expect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests for one operation: its valid form broken one piece at a time (every body field, parameter and
 * header), whole bodies that are not what it reads, every method, and the same again without a token.
 */
final class FuzzCases {

    static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "FOO");

    private static final String PLACEHOLDER = "\"fuzz-placeholder-19\"";

    private final ApiSpec spec;
    private final JsonMapper json;
    private final Set<String> instantFields;
    private final String token;
    private final long bodyLimit;

    FuzzCases(ApiSpec spec, JsonMapper json, String token, long bodyLimit) {
        this.spec = spec;
        this.json = json;
        this.instantFields = spec.instantFields();
        this.token = token;
        this.bodyLimit = bodyLimit;
    }

    /** Every case of the operation, with the token and (except per-field body cases) without it. */
    List<FuzzRequest> of(Operation operation, long batchBodyLimit) {
        List<FuzzRequest> cases = new ArrayList<>();
        List<FuzzRequest> unauthenticated = new ArrayList<>();
        unauthenticated.addAll(parameterCases(operation));
        unauthenticated.addAll(headerCases(operation));
        unauthenticated.addAll(methodCases(operation));
        if (operation.body() != null) {
            unauthenticated.addAll(
                    wholeBodyCases(operation, operation.path().endsWith("/batch") ? batchBodyLimit : bodyLimit));
            cases.addAll(fieldCases(operation));
        }
        cases.addAll(unauthenticated);
        for (FuzzRequest request : unauthenticated) {
            cases.add(request.withoutHeader("Authorization").what(request.what() + " (no token)"));
        }
        return cases;
    }

    /** {@code count} random cases: a random body field or parameter given a random hostile value. */
    List<FuzzRequest> random(Operation operation, Random random, int count) {
        List<FuzzRequest> all = new ArrayList<>();
        if (operation.body() != null) {
            all.addAll(fieldCases(operation));
        }
        all.addAll(parameterCases(operation));
        List<FuzzRequest> picked = new ArrayList<>();
        for (int i = 0; i < count && !all.isEmpty(); i++) {
            FuzzRequest first = all.get(random.nextInt(all.size()));
            FuzzRequest second = all.get(random.nextInt(all.size()));
            // two breakages at once: the second's body (if any) on the first's target and headers
            picked.add(first.body(second.body() != null ? second.body() : first.body())
                    .what(first.what() + " + " + second.what()));
        }
        return picked;
    }

    FuzzRequest valid(Operation operation) {
        FuzzRequest request = FuzzRequest.of(
                        operation.name(), "valid", operation.method(), target(operation, null, null))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("header")) {
                request = request.header(parameter.name(), spec.parameterValue(parameter));
            }
        }
        if (operation.body() != null) {
            request = request.header("Content-Type", operation.contentType())
                    .body(json.writeValueAsString(operation.body()));
        }
        return request;
    }

    private List<FuzzRequest> fieldCases(Operation operation) {
        List<FuzzRequest> cases = new ArrayList<>();
        FuzzRequest valid = valid(operation);
        cases.add(valid);
        for (String pointer : pointers(operation.body(), "")) {
            JsonNode value = operation.body().at(pointer);
            String field = pointer.substring(pointer.lastIndexOf('/') + 1);
            cases.add(valid.body(removed(operation.body(), pointer)).what("missing " + pointer));
            cases.add(valid.body(replaced(operation.body(), pointer, "null")).what("null " + pointer));
            for (String raw : HostileValues.wrongTypes(value.getNodeType().name())) {
                cases.add(valid.body(replaced(operation.body(), pointer, raw))
                        .what(pointer + " = " + Excerpts.of(raw, 40)));
            }
            if (value.isString()) {
                List<String> texts = new ArrayList<>(HostileValues.strings());
                if (instantFields.contains(field)) {
                    texts.addAll(HostileValues.instants());
                }
                for (String text : texts) {
                    cases.add(valid.body(replaced(operation.body(), pointer, HostileValues.json(text)))
                            .what(pointer + " = " + Excerpts.of(HostileValues.json(text), 40)));
                }
                byte[] invalidUtf8 =
                        replaced(operation.body(), pointer, "\"a\u0001b\"").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < invalidUtf8.length; i++) {
                    if (invalidUtf8[i] == 1) {
                        invalidUtf8[i] = (byte) 0xFF;
                    }
                }
                cases.add(valid.body(invalidUtf8).what(pointer + " holds the invalid UTF-8 byte FF"));
            }
        }
        return cases;
    }

    private List<FuzzRequest> wholeBodyCases(Operation operation, long limit) {
        FuzzRequest valid = valid(operation);
        List<FuzzRequest> cases = new ArrayList<>();
        for (String body : List.of("", "{", "}", "null", "[]", "42", "\"x\"", "{}", "{} x", "{\"a\":1,\"a\":2}")) {
            cases.add(valid.body(body).what("body " + body));
        }
        cases.add(valid.body("[".repeat(10_000) + "]".repeat(10_000)).what("body nested 10,000 arrays deep"));
        cases.add(valid.body("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                .what("body nested 10,000 objects deep"));
        cases.add(valid.body("{\"a\":" + "9".repeat(100_000) + "}").what("body with a 100,000-digit number"));
        byte[] over = new byte[(int) limit + 1];
        Arrays.fill(over, (byte) ' ');
        over[0] = '{';
        over[over.length - 1] = '}';
        cases.add(valid.body(over)
                .what("body of " + over.length + " bytes, over the limit")
                .expecting(Expect.TOO_LARGE));
        byte[] body = valid.body();
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        cases.add(valid.body(bom).what("body after a UTF-8 byte order mark"));
        cases.add(valid.body(new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16))
                .what("body in UTF-16"));
        cases.add(valid.body(new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, '"', ':', '1', '}'})
                .what("body with an overlong UTF-8 key"));
        for (String contentType : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/json; charset=utf-16",
                "application/json; charset=nonsense",
                "garbage",
                "",
                "application/json, text/plain")) {
            cases.add(valid.withoutHeader("Content-Type")
                    .header("Content-Type", contentType)
                    .what("Content-Type " + contentType));
        }
        cases.add(valid.withoutHeader("Content-Type").what("no Content-Type"));
        cases.add(valid.header("Content-Type", "application/xml").what("Content-Type twice"));
        cases.add(valid.header("Content-Encoding", "gzip").what("Content-Encoding gzip on plain JSON"));
        cases.add(valid.header("Transfer-Encoding", "chunked").what("Transfer-Encoding and Content-Length"));
        cases.add(valid.header("Content-Length", "-1").what("Content-Length -1"));
        cases.add(valid.header("Content-Length", "abc").what("Content-Length abc"));
        cases.add(valid.header("Expect", "garbage").what("Expect garbage"));
        return cases;
    }

    private List<FuzzRequest> parameterCases(Operation operation) {
        FuzzRequest valid = valid(operation);
        List<FuzzRequest> cases = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "path" ->
                    HostileValues.pathValues()
                            .forEach(value -> cases.add(valid.target(target(operation, parameter.name(), value))
                                    .what("path " + parameter.name() + " = " + Excerpts.of(value, 40))));
                case "query" -> {
                    for (String value :
                            HostileValues.queryValues(parameter.type(), parameter.format(), parameter.name())) {
                        cases.add(valid.target(target(operation, parameter.name(), value))
                                .what("query " + parameter.name() + " = " + Excerpts.of(value, 40)));
                    }
                    cases.add(valid.target(target(operation, null, null) + separator(operation) + parameter.name()
                                    + "=1&" + parameter.name() + "=2")
                            .what("query " + parameter.name() + " twice"));
                }
                case "header" -> {
                    for (byte[] value : HostileValues.headerValues()) {
                        cases.add(valid.withoutHeader(parameter.name())
                                .header(parameter.name(), value)
                                .what("header " + parameter.name() + " = " + Excerpts.of(value, 40)));
                    }
                    cases.add(valid.header(parameter.name(), "\"2\"").what("header " + parameter.name() + " twice"));
                    cases.add(valid.withoutHeader(parameter.name()).what("no header " + parameter.name()));
                }
                default -> {}
            }
        }
        cases.add(valid.target(target(operation, null, null) + separator(operation) + "fuzz=%FF")
                .what("unknown query parameter with a bad escape"));
        return cases;
    }

    private List<FuzzRequest> headerCases(Operation operation) {
        FuzzRequest valid = valid(operation);
        List<FuzzRequest> cases = new ArrayList<>();
        cases.add(valid.header("Authorization", "Bearer garbage").what("Authorization twice"));
        for (String authorization :
                List.of("Bearer " + "x".repeat(9_000), "Bearer", "Basic YTpi", "Bearer a.b.c", "")) {
            cases.add(valid.withoutHeader("Authorization")
                    .header("Authorization", authorization)
                    .what("Authorization " + Excerpts.of(authorization, 30))
                    .expecting(Expect.ANY));
        }
        for (String accept : List.of("text/html", "application/xml", "garbage///", "*/*;q=x", "")) {
            cases.add(valid.withoutHeader("Accept").header("Accept", accept).what("Accept " + accept));
        }
        FuzzRequest many = valid;
        for (int i = 0; i < 200; i++) {
            many = many.header("X-Fuzz-" + i, "y".repeat(100));
        }
        cases.add(many.what("200 headers of 100 bytes"));
        cases.add(valid.header("X-Fuzz", "y".repeat(9_000)).what("one header of 9,000 bytes"));
        cases.add(valid.header("X-Request-Id", "r".repeat(9_000)).what("X-Request-Id of 9,000 bytes"));
        cases.add(valid.header("X-Request-Id", new byte[] {'r', 0, (byte) 0xFF}).what("X-Request-Id with NUL and FF"));
        cases.add(valid.header("X-Request-Id", "a").header("X-Request-Id", "b").what("X-Request-Id twice"));
        cases.add(valid.header("Host", "evil.example").what("Host twice"));
        cases.add(valid.header("Bad Header Name", "x").what("header name with spaces"));
        return cases;
    }

    private List<FuzzRequest> methodCases(Operation operation) {
        FuzzRequest valid = valid(operation);
        List<FuzzRequest> cases = new ArrayList<>();
        for (String method : METHODS) {
            if (!method.equals(operation.method())) {
                cases.add(valid.method(method).what("method " + method));
            }
        }
        return cases;
    }

    /** The operation's path and query with plausible parameters, {@code name} given {@code value} instead. */
    String target(Operation operation, String name, String value) {
        String path = operation.path();
        List<String> query = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            String text = parameter.name().equals(name) ? value : HostileValues.query(spec.parameterValue(parameter));
            if (parameter.in().equals("path")) {
                path = path.replace("{" + parameter.name() + "}", text);
            } else if (parameter.in().equals("query")
                    && (parameter.required() || parameter.name().equals(name))) {
                query.add(parameter.name() + "=" + text);
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private String separator(Operation operation) {
        return target(operation, null, null).contains("?") ? "&" : "?";
    }

    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String pointer = at + "/" + property.getKey();
                pointers.add(pointer);
                pointers.addAll(pointers(property.getValue(), pointer));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            pointers.add(at + "/0");
            pointers.addAll(pointers(node.get(0), at + "/0"));
        }
        return pointers;
    }

    private String replaced(JsonNode body, String pointer, String raw) {
        JsonNode copy = body.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container instanceof ObjectNode object) {
            object.put(last, "fuzz-placeholder-19");
        } else if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.stringNode("fuzz-placeholder-19"));
        }
        return json.writeValueAsString(copy).replace(PLACEHOLDER, raw);
    }

    private String removed(JsonNode body, String pointer) {
        JsonNode copy = body.deepCopy();
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? copy : copy.at(parent);
        if (container instanceof ObjectNode object) {
            object.remove(last);
        } else if (container instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
        return json.writeValueAsString(copy);
    }
}
