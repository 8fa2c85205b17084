package io.customeridentity.shared.fuzz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of the published OpenAPI description, each with its parameters, the documented statuses and a
 * plausible body built from the schema (examples where it has them), which the cases then break one field at a time.
 */
final class ApiSpec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An operation parameter: where it goes, its name, and its schema type and format. */
    record Parameter(String in, String name, boolean required, String type, String format) {}

    /** One operation of the description. */
    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            String contentType,
            JsonNode body,
            Set<Integer> documented) {

        String name() {
            return method + " " + path;
        }
    }

    private final JsonNode docs;
    private final Map<String, String> knownValues;

    /** {@code knownValues}: values for string fields and parameters by name, e.g. a real customer ID for "id". */
    ApiSpec(JsonNode docs, Map<String, String> knownValues) {
        this.docs = docs;
        this.knownValues = knownValues;
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode schema = resolve(parameter.path("schema"));
                    parameters.add(new Parameter(
                            parameter.path("in").asString(),
                            parameter.path("name").asString(),
                            parameter.path("required").asBoolean(false),
                            schema.path("type").asString("string"),
                            schema.path("format").asString(null)));
                }
                String contentType = null;
                JsonNode body = null;
                JsonNode content = operation.at("/requestBody/content");
                if (content.isObject() && !content.isEmpty()) {
                    contentType = content.has("application/json")
                            ? "application/json"
                            : content.propertyNames().iterator().next();
                    body = valueOf("", content.path(contentType).path("schema"), new HashSet<>());
                }
                Set<Integer> documented = new HashSet<>();
                operation.path("responses").propertyNames().forEach(status -> documented.add(Integer.parseInt(status)));
                operations.add(new Operation(
                        entry.getKey().toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        parameters,
                        contentType,
                        body,
                        documented));
            }
        }
        return operations;
    }

    /** The names of every date-time property in the description's schemas. */
    Set<String> instantFields() {
        Set<String> names = new HashSet<>();
        for (JsonNode schema : docs.at("/components/schemas")) {
            for (Map.Entry<String, JsonNode> property :
                    schema.path("properties").properties()) {
                if ("date-time".equals(property.getValue().path("format").asString(null))) {
                    names.add(property.getKey());
                }
            }
        }
        return names;
    }

    /** A plausible value for a parameter: a known value by name, else by type. */
    String parameterValue(Parameter parameter) {
        if (knownValues.containsKey(parameter.name())) {
            return knownValues.get(parameter.name());
        }
        if ("uuid".equals(parameter.format())) {
            return "0196e4f2-7c1a-7000-8000-000000000001";
        }
        if ("date-time".equals(parameter.format())) {
            return "2026-01-01T00:00:00Z";
        }
        return switch (parameter.type()) {
            case "integer" -> "1";
            case "boolean" -> "true";
            default -> "fuzz";
        };
    }

    private JsonNode valueOf(String name, JsonNode schemaOrRef, Set<String> seen) {
        String ref = schemaOrRef.path("$ref").asString(null);
        JsonNode schema = resolve(schemaOrRef);
        if (ref != null && !seen.add(ref)) {
            return NODES.nullNode();
        }
        if (schema.has("example") && !schema.path("example").isString()) {
            return schema.path("example").deepCopy();
        }
        if (knownValues.containsKey(name)) {
            return NODES.stringNode(knownValues.get(name));
        }
        if (schema.has("example")) {
            return schema.path("example").deepCopy();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0).deepCopy();
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property :
                        schema.path("properties").properties()) {
                    object.set(property.getKey(), valueOf(property.getKey(), property.getValue(), new HashSet<>(seen)));
                }
                if (schema.has("additionalProperties") && !schema.has("properties")) {
                    object.put("fuzz", "value");
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valueOf(name, schema.path("items"), seen));
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                NODES.stringNode(
                        "date-time".equals(schema.path("format").asString(null)) ? "2026-01-01T00:00:00Z" : "fuzz");
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString(null);
        return ref == null ? schema : docs.at(ref.substring(1));
    }
}
