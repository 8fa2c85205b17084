package io.customeridentity.support.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.wire.WireRecorder.RecordedExchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The contract check finds each kind of difference between the wire and the description. */
class ContractCheckTests {

    private static final String DESCRIPTION = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/things/{id}": {"get": {"operationId": "getThing", "responses": {
                 "200": {"description": "ok",
                         "headers": {"ETag": {"schema": {"type": "string", "pattern": "^\\"[0-9]+\\"$"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "304": {"description": "not modified", "headers": {"ETag": {"schema": {"type": "string"}}}},
                 "503": {"description": "unavailable",
                         "headers": {"Retry-After": {"required": true, "schema": {"type": "integer"}}},
                         "content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
               "/api/v1/things/search": {"post": {"operationId": "searchThings", "responses": {
                 "200": {"description": "ok",
                         "content": {"application/json": {"schema": {"type": "array",
                             "items": {"$ref": "#/components/schemas/Thing"}}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {
               "id": {"type": "string"}, "next": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}}}}
            """;

    private final JsonMapper json = JsonMapper.builder().build();
    private final ContractCheck check = new ContractCheck(json.readTree(DESCRIPTION), json);

    @Test
    void acceptsResponsesThatMatchTheirDeclaration() {
        List<String> mismatches = check.mismatches(List.of(
                exchange("GET", "/api/v1/things/a", 200, "{\"id\": \"a\", \"next\": \"b\"}", "ETag", "\"3\""),
                exchange("HEAD", "/api/v1/things/a", 200, "", "ETag", "\"3\""),
                exchange("GET", "/api/v1/things/a", 304, "", "ETag", "\"3\""),
                exchange("POST", "/api/v1/things/search", 200, "[{\"id\": \"a\"}]")));

        assertThat(mismatches).isEmpty();
    }

    @Test
    void reportsAStatusTheOperationDoesNotDeclare() {
        assertThat(check.mismatches(List.of(exchange("GET", "/api/v1/things/a", 404, "{}"))))
                .singleElement()
                .asString()
                .contains("GET /api/v1/things/{id} (getThing) 404: status not declared");
    }

    @Test
    void reportsANullWhereTheSchemaDeclaresAString() {
        assertThat(check.mismatches(
                        List.of(exchange("GET", "/api/v1/things/a", 200, "{\"id\": \"a\", \"next\": null}"))))
                .singleElement()
                .asString()
                .contains("/next");
    }

    @Test
    void reportsAMissingRequiredPropertyAndABadFormatInsideAReferencedSchema() {
        List<String> mismatches =
                check.mismatches(List.of(exchange("POST", "/api/v1/things/search", 200, "[{\"at\": \"yesterday\"}]")));

        assertThat(mismatches).hasSize(2);
        assertThat(String.join("\n", mismatches)).contains("id").contains("body /*/at");
    }

    @Test
    void reportsHeadersThatAreUndeclaredMissingOrInvalid() {
        List<String> mismatches = check.mismatches(List.of(
                exchange("GET", "/api/v1/things/a", 200, "{\"id\": \"a\"}", "ETag", "W/3", "Location", "/x"),
                exchange("GET", "/api/v1/things/a", 503, "{}")));

        assertThat(String.join("\n", mismatches))
                .contains("header Location sent but not declared")
                .contains("header ETag")
                .contains("required header Retry-After missing");
    }

    @Test
    void reportsABodyWhereNoneIsDeclaredAndAnUndeclaredMediaType() {
        List<String> mismatches = check.mismatches(List.of(
                exchange("GET", "/api/v1/things/a", 304, "{\"id\": \"a\"}"),
                exchange("GET", "/api/v1/things/a", 200, "<html></html>", "Content-Type", "text/html")));

        assertThat(String.join("\n", mismatches))
                .contains("304: body sent but none declared")
                .contains("content type text/html not declared");
    }

    @Test
    void countsRepeatsOnceAndIgnoresRequestsOutsideTheDescription() {
        RecordedExchange wrong = exchange("GET", "/api/v1/things/a", 500, "{}");

        assertThat(check.mismatches(List.of(wrong, wrong, exchange("GET", "/actuator/health", 500, "{}"))))
                .singleElement()
                .asString()
                .contains("[2x");
    }

    @Test
    void listsTheOperationsNoExchangeReached() {
        assertThat(check.unexercised(List.of(exchange("GET", "/api/v1/things/search", 200, "{\"id\": \"a\"}"))))
                .containsExactly("POST /api/v1/things/search (searchThings)");
        assertThat(check.unexercised(List.of())).hasSize(2);
    }

    private static RecordedExchange exchange(String method, String path, int status, String body, String... headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!body.isEmpty()) {
            map.put("Content-Type", List.of(status >= 400 ? "application/problem+json" : "application/json"));
        }
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new RecordedExchange(
                method, path, status, map, body.getBytes(StandardCharsets.UTF_8), "ContractCheckTests");
    }
}
