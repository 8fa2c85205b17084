package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nothing a caller sends comes back in an error, or goes into the log: distinctive canary values are sent through
 * every operation's path variables, query parameters, headers and body fields (as strings, and as values of the wrong
 * type), with every scope, with a read-only scope and without a token, and no error answer, log line or metric label
 * holds one.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CanaryIntegrationTests {

    /** Every canary holds this marker; a card number travels too, where an ID belongs. */
    private static final String MARKER = "cnry7q";

    private static final String CARD = "4111111111111111";
    private static final Pattern LEAK = Pattern.compile("(?i)" + MARKER + "|" + CARD + "|zqx@example");

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    private int counter;

    @Test
    void noErrorAnswerOrLogLineRepeatsWhatTheCallerSent(CapturedOutput output) {
        Http http = new Http(port);
        String customerId = new CustomerApi(client)
                .created(Map.of("givenName", "Barbara", "familyName", "Liskov"))
                .path("id")
                .asString();
        JsonNode api = json.readTree(client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        List<String> leaks = new ArrayList<>();
        int errors = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                JsonNode spec = operation.getValue();
                for (boolean canaryPath : new boolean[] {true, false}) {
                    for (int shape = 0; shape < 3; shape++) {
                        String uri = uri(path.getKey(), spec, canaryPath, customerId);
                        String body = body(api, spec, shape);
                        for (String token :
                                new String[] {TestTokens.readWrite(), TestTokens.withScopes("customers:read"), null}) {
                            HttpResponse<String> answer = http.send(request(http, method, uri, token, body));
                            if (answer.statusCode() >= 400) {
                                errors++;
                                Matcher leak = LEAK.matcher(
                                        answer.body() + answer.headers().map());
                                if (leak.find()) {
                                    leaks.add(method + " " + uri + " -> " + answer.statusCode() + ": " + answer.body());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(errors).isGreaterThan(200);
        assertThat(leaks).isEmpty();
        assertThat(LEAK.matcher(output.getAll()).find())
                .as("the log holds a canary:%n%s", output.getAll())
                .isFalse();
        String metrics = http.send("GET", "/actuator/prometheus", TestTokens.withScopes("actuator:read"), null)
                .body();
        assertThat(metrics).contains("http_server_requests");
        assertThat(LEAK.matcher(metrics).find())
                .as("a metric label holds a canary")
                .isFalse();
    }

    private HttpRequest request(Http http, String method, String uri, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Idempotency-Key", canary("key"))
                .header("If-Match", "\"" + canary("etag") + "\"")
                .header("X-Canary-" + MARKER, canary("header"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header(
                    "Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private String uri(String template, JsonNode spec, boolean canaryPath, String customerId) {
        StringBuilder uri = new StringBuilder();
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(template);
        int end = 0;
        while (variable.find()) {
            uri.append(template, end, variable.start());
            String value = canaryPath
                    ? (variable.group(1).equals("id") ? CARD : canary("path"))
                    : switch (variable.group(1)) {
                        case "id", "candidate" -> customerId;
                        case "version" -> "1";
                        default -> UUID.randomUUID().toString();
                    };
            uri.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            end = variable.end();
        }
        uri.append(template.substring(end));
        String separator = "?";
        for (JsonNode parameter : spec.path("parameters")) {
            if (parameter.path("in").asString().equals("query")) {
                uri.append(separator)
                        .append(parameter.path("name").asString())
                        .append('=')
                        .append(URLEncoder.encode(canary("query") + "@example.org", StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return uri.toString();
    }

    /** Shape 0: every field a canary string; 1: every field an object holding one; 2: a canary where JSON belongs. */
    private String body(JsonNode api, JsonNode spec, int shape) {
        JsonNode content = spec.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        if (shape == 2) {
            return "{\"" + canary("raw") + "\": " + canary("raw");
        }
        JsonNode schema =
                resolve(api, content.properties().iterator().next().getValue().path("schema"));
        return json.writeValueAsString(fill(api, schema, shape, 0));
    }

    private JsonNode fill(JsonNode api, JsonNode schema, int shape, int depth) {
        ObjectNode object = json.createObjectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode field = resolve(api, property.getValue());
            if (depth < 2 && field.has("properties")) {
                object.set(property.getKey(), fill(api, field, shape, depth + 1));
            } else if (depth < 2 && field.path("items").has("$ref")) {
                object.putArray(property.getKey()).add(fill(api, resolve(api, field.path("items")), shape, depth + 1));
            } else if (shape == 0) {
                object.put(property.getKey(), canary(property.getKey()) + "zqx@example.org");
            } else {
                object.putObject(property.getKey()).put("value", canary(property.getKey()));
            }
        }
        if (object.isEmpty()) {
            object.put(canary("field"), canary("value"));
        }
        return object;
    }

    private JsonNode resolve(JsonNode api, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().substring("#/components/schemas/".length());
            return api.path("components").path("schemas").path(name);
        }
        if (schema.has("allOf")) {
            return resolve(api, schema.path("allOf").get(0));
        }
        return schema;
    }

    private String canary(String where) {
        return MARKER + "-" + where.replaceAll("[^A-Za-z0-9]", "") + "-" + (++counter);
    }
}
