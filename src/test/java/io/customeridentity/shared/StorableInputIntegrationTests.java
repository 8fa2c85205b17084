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
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text and instants the database cannot store are refused at the edge with a 400 naming the field, whichever field
 * or parameter carries them, and nothing is stored; JSON numbers are not taken for text.
 */
@IntegrationTest
class StorableInputIntegrationTests {

    private static final String NUL = "\\u0000";
    private static final String LONE_SURROGATE = "\\ud800";

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    Http http;
    String token;
    String customerId;

    @BeforeEach
    void registerCustomer() {
        http = new Http(port);
        token = TestTokens.readWrite();
        customerId = new CustomerApi(client)
                .created(Map.of("givenName", "Frances", "familyName", "Allen"))
                .path("id")
                .asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {NUL, LONE_SURROGATE, "\\udc00", "a\\udbff"})
    void refusesUnstorableTextInARegistrationNamingTheField(String bad) {
        HttpResponse<String> answer =
                http.send("POST", "/api/v1/customers", token, "{\"givenName\":\"Ada" + bad + "\"}");

        expectFieldRefused(answer, "givenName", "NUL");
    }

    @Test
    void refusesUnstorableTextInANestedField() {
        HttpResponse<String> answer = http.send(
                "POST",
                "/api/v1/customers",
                token,
                "{\"givenName\":\"Ada\",\"attributes\":{\"tier\":\"gold" + NUL + "\"}}");

        expectFieldRefused(answer, "attributes.tier", "NUL");
    }

    @Test
    void refusesUnstorableTextInAnInteractionsExternalId() {
        HttpResponse<String> answer = http.send(
                "POST",
                "/api/v1/customers/" + customerId + "/interactions",
                TestTokens.readWrite(),
                "{\"type\":\"WEB_VISIT\",\"channel\":\"WEB\",\"source\":\"web\",\"externalId\":\"x" + NUL + "\"}");

        expectFieldRefused(answer, "externalId", "NUL");
    }

    @Test
    void refusesUnstorableTextInAMergePatch() {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(http.uri("/api/v1/customers/" + customerId))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"familyName\":\"King" + LONE_SURROGATE + "\"}"))
                .build());

        expectFieldRefused(answer, "familyName", "surrogates");
        assertThat(new CustomerApi(client)
                        .json("/api/v1/customers/" + customerId)
                        .path("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void refusesANumberWhereTextBelongs() {
        HttpResponse<String> answer = http.send("POST", "/api/v1/customers", token, "{\"givenName\":42}");

        expectFieldRefused(answer, "givenName", "wrong type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-4714-11-24T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "0000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z"
            })
    void refusesInstantsOutsideTheStorableRangeInEveryParameter(String instant) {
        String encoded = URLEncoder.encode(instant, StandardCharsets.UTF_8);
        for (String path : new String[] {
            "/api/v1/customers/" + customerId + "?asOf=" + encoded,
            "/api/v1/customers/" + customerId + "/interactions?from=" + encoded,
            "/api/v1/customers/" + customerId + "/interactions?to=" + encoded,
            "/api/v1/customers?inactiveSince=" + encoded
        }) {
            HttpResponse<String> answer = http.send("GET", path, token, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("\"code\":\"invalid-parameter\"");
        }
    }

    @Test
    void refusesAnInstantOutsideTheStorableRangeInABody() {
        HttpResponse<String> answer = http.send(
                "POST",
                "/api/v1/customers/" + customerId + "/interactions",
                token,
                "{\"type\":\"WEB_VISIT\",\"channel\":\"WEB\",\"source\":\"web\",\"externalId\":\"far-future\","
                        + "\"occurredAt\":\"1899-12-31T23:59:59Z\"}");

        expectFieldRefused(answer, "occurredAt", "1900");
    }

    @Test
    void refusesUnstorableTextInAQueryParameterNamingIt() {
        HttpResponse<String> answer =
                http.send("GET", "/api/v1/customers?inactiveSince=2026-01-01T00:00:00Z&prefix=%00", token, null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"invalid-parameter\"").contains("'prefix'");
    }

    @Test
    void refusesCursorsThatDecodeToUnstorableValues() {
        String nul = Base64.getUrlEncoder().withoutPadding().encodeToString("inactive|AC\u00001".getBytes());
        String farFuture = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("timeline|" + Long.MAX_VALUE + "|" + java.util.UUID.randomUUID()).getBytes());
        for (String path : new String[] {
            "/api/v1/customers?inactiveSince=2026-01-01T00:00:00Z&cursor=" + nul,
            "/api/v1/customers/" + customerId + "/interactions?cursor=" + farFuture
        }) {
            HttpResponse<String> answer = http.send("GET", path, token, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
        }
    }

    private void expectFieldRefused(HttpResponse<String> answer, String field, String messagePart) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asString()).contains(messagePart);
    }
}
