package io.customeridentity.support.wire;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.customeridentity.support.wire.WireRecorder.RecordedExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks recorded responses against an OpenAPI description: each status must be declared for its operation, each body
 * must be declared (media type) and validate against its JSON Schema 2020-12 (with {@code $ref}s into the
 * components), each API header sent must be declared and its value valid; and every operation must have been
 * exercised.
 */
public final class ContractCheck {

    /** Where the validator finds the description; a reserved name, never fetched. */
    private static final String DOCUMENT = "https://contract.invalid/v3/api-docs";

    /** Headers the service sends as part of its answers: each must be declared where it is sent. */
    private static final Set<String> API_HEADERS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        API_HEADERS.addAll(List.of(
                "ETag",
                "Location",
                "Idempotent-Replayed",
                "Retry-After",
                "RateLimit-Policy",
                "RateLimit",
                "WWW-Authenticate",
                "X-Request-Id"));
    }

    private final JsonMapper json;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new HashMap<>();

    public ContractCheck(JsonNode description, JsonMapper json) {
        this.json = json;
        String text = json.writeValueAsString(description);
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().has("responses")) {
                    operations.add(new Operation(
                            operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue()));
                }
            }
        }
        // The most literal template wins: /accounts/resolve before /customers/{id}, say.
        operations.sort(Comparator.comparingInt(Operation::literalSegments).reversed());
    }

    /** Every way the exchanges differ from the description, one line each (repeats counted), sorted. */
    public List<String> mismatches(List<RecordedExchange> exchanges) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (RecordedExchange exchange : exchanges) {
            operationOf(exchange).ifPresent(operation -> {
                for (String problem : check(operation, exchange)) {
                    String key = operation + " " + exchange.status() + ": " + problem;
                    findings.computeIfAbsent(key, k -> new Finding(exchange)).count++;
                }
            });
        }
        return findings.entrySet().stream()
                .map(finding -> finding.getKey() + " [" + finding.getValue().count + "x, e.g. "
                        + finding.getValue().example.method() + " "
                        + finding.getValue().example.rawPath() + " in "
                        + finding.getValue().example.origin() + "]")
                .sorted()
                .toList();
    }

    /** The operations no exchange reached. */
    public List<String> unexercised(List<RecordedExchange> exchanges) {
        Set<Operation> reached = exchanges.stream()
                .map(this::operationOf)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return operations.stream()
                .filter(operation -> !reached.contains(operation))
                .map(Operation::toString)
                .sorted()
                .toList();
    }

    /** How many operations the description has. */
    public int operationCount() {
        return operations.size();
    }

    /**
     * The operation an exchange addressed: its method (HEAD is answered by GET) and a path its template matches.
     * Requests outside the description (actuator, Swagger UI, unknown paths, methods no operation has) have none.
     */
    public Optional<Operation> operationOf(RecordedExchange exchange) {
        String method = exchange.method().equals("HEAD") ? "GET" : exchange.method();
        return operations.stream()
                .filter(operation -> operation.method.equals(method) && operation.matches(exchange.rawPath()))
                .findFirst();
    }

    private List<String> check(Operation operation, RecordedExchange exchange) {
        List<String> problems = new ArrayList<>();
        JsonNode responses = operation.node.path("responses");
        JsonNode declared = responses.get(Integer.toString(exchange.status()));
        if (declared == null) {
            declared = responses.get(exchange.status() / 100 + "XX");
        }
        if (declared == null) {
            declared = responses.get("default");
        }
        if (declared == null) {
            problems.add("status not declared (declared: " + String.join(", ", responses.propertyNames()) + ")");
            return problems;
        }
        checkHeaders(declared, exchange, problems);
        checkBody(operation, declared, exchange, problems);
        return problems;
    }

    private void checkHeaders(JsonNode declared, RecordedExchange exchange, List<String> problems) {
        Map<String, JsonNode> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        declared.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue()));
        for (String name : exchange.headers().keySet()) {
            if (API_HEADERS.contains(name) && !headers.containsKey(name)) {
                problems.add("header " + name + " sent but not declared");
            }
        }
        headers.forEach((name, header) -> {
            String value = exchange.header(name);
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add("required header " + name + " missing");
                }
                return;
            }
            JsonNode schema = header.get("schema");
            if (schema != null) {
                for (Error error : schema(schema).validate(headerValue(schema, value))) {
                    problems.add("header " + name + ": " + error.getMessage());
                }
            }
        });
    }

    private void checkBody(Operation operation, JsonNode declared, RecordedExchange exchange, List<String> problems) {
        JsonNode content = declared.get("content");
        boolean bodiless = exchange.method().equals("HEAD");
        if (content == null || content.isEmpty()) {
            if (exchange.body().length > 0 && !bodiless) {
                problems.add("body sent but none declared");
            }
            return;
        }
        if (bodiless) {
            return;
        }
        if (exchange.body().length == 0) {
            problems.add("no body sent but one declared");
            return;
        }
        String contentType = exchange.header("Content-Type");
        Map.Entry<String, JsonNode> mediaType = contentType == null ? null : mediaTypeOf(content, contentType);
        if (mediaType == null) {
            problems.add("content type " + contentType + " not declared (declared: "
                    + String.join(", ", content.propertyNames()) + ")");
            return;
        }
        JsonNode schema = mediaType.getValue().get("schema");
        if (schema == null) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(exchange.body());
        } catch (JacksonException ex) {
            problems.add("body is not JSON");
            return;
        }
        for (Error error : schema(schema).validate(body)) {
            // Array positions folded, so that one wrong field of a list item is one line, not one per item.
            String where = error.getInstanceLocation().toString().replaceAll("/[0-9]+(?=/|$)", "/*");
            problems.add("body " + where + ": " + error.getMessage().replaceAll("^/[^:]*: ", ""));
        }
    }

    private static Map.Entry<String, JsonNode> mediaTypeOf(JsonNode content, String contentType) {
        MediaType sent = MediaType.parseMediaType(contentType);
        for (Map.Entry<String, JsonNode> entry : content.properties()) {
            MediaType declared = MediaType.parseMediaType(entry.getKey());
            if (declared.includes(sent) || sent.equalsTypeAndSubtype(declared)) {
                return entry;
            }
        }
        return null;
    }

    /** A header's text as the JSON value its schema describes. */
    private static JsonNode headerValue(JsonNode schema, String value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String type = schema.path("type").asString("string");
        try {
            return switch (type) {
                case "integer" -> nodes.numberNode(Long.parseLong(value));
                case "number" -> nodes.numberNode(new java.math.BigDecimal(value));
                case "boolean" ->
                    value.equals("true") || value.equals("false")
                            ? nodes.booleanNode(Boolean.parseBoolean(value))
                            : nodes.stringNode(value);
                default -> nodes.stringNode(value);
            };
        } catch (NumberFormatException ex) {
            return nodes.stringNode(value);
        }
    }

    /** A schema of the description, its {@code $ref}s resolved against the whole document. */
    private Schema schema(JsonNode node) {
        String key = node.toString();
        return schemas.computeIfAbsent(key, k -> registry.getSchema(absoluteRefs(node.deepCopy())));
    }

    private static JsonNode absoluteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#")) {
                object.put("$ref", DOCUMENT + ref.asString());
            }
            object.properties().forEach(property -> absoluteRefs(property.getValue()));
        } else if (node.isArray()) {
            node.forEach(ContractCheck::absoluteRefs);
        }
        return node;
    }

    private static final class Finding {
        final RecordedExchange example;
        int count;

        Finding(RecordedExchange example) {
            this.example = example;
        }
    }

    /** One operation of the description: method, path template and its OpenAPI node. */
    public static final class Operation {

        private final String method;
        private final String template;
        private final String[] segments;
        private final JsonNode node;

        Operation(String method, String template, JsonNode node) {
            this.method = method;
            this.template = template;
            this.segments = template.split("/", -1);
            this.node = node;
        }

        boolean matches(String rawPath) {
            String[] parts = rawPath.split("/", -1);
            if (parts.length != segments.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                boolean variable = segments[i].startsWith("{") && segments[i].endsWith("}");
                if (variable ? parts[i].isEmpty() : !segments[i].equals(parts[i])) {
                    return false;
                }
            }
            return true;
        }

        int literalSegments() {
            int literal = 0;
            for (String segment : segments) {
                if (!segment.startsWith("{")) {
                    literal++;
                }
            }
            return literal;
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + node.path("operationId").asString() + ")";
        }
    }
}
