package io.customeridentity.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /customer-ids/{candidate}} answers whatever a person typed with JSON: 200 with the verdict, or, for what
 * cannot travel in one path segment, the documented 400 problem; never an HTML page, never {@code instance: /error}.
 */
@IntegrationTest
class CustomerIdCandidatesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a slash, AC%2F1234, AC/1234",
        "a percent sign, AC%25, AC%",
        "a space, AC%201234, AC 1234",
        "letters only, hello, hello",
        "a dot, AC.1234, AC.1234",
        "a backslash, AC%5C1234, AC\\1234",
        "a semicolon, AC%3B1234, AC;1234",
        "a plus, AC+1, AC+1",
        "a long candidate, AC1234567890123456789012345678901234567890123456789012345678901234567890, "
                + "AC1234567890123456789012345678901234567890123456789012345678901234567890"
    })
    void answersAnyTypedTextWithTheVerdict(String what, String encoded, String typed) {
        HttpResponse<String> answer = get("/api/v1/customer-ids/" + encoded);

        assertThat(answer.statusCode()).as(what).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode verdict = json.readTree(answer.body());
        assertThat(verdict.path("input").asString()).isEqualTo(typed);
        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.at("/error/code").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"two dots, ..", "one dot, .", "two encoded dots, %2E%2E", "an encoded NUL, AC%00"})
    void answersWhatCannotBeAPathSegmentWithTheDocumentedProblem(String what, String encoded) {
        expectDocumentedProblem(what, get("/api/v1/customer-ids/" + encoded));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an encoded slash in a customer ID, /api/v1/customers/AC%2F1234",
        "an encoded slash after a candidate, /api/v1/customer-ids/AC%2F1/x",
        "an encoded percent sign in a customer ID, /api/v1/customers/AC%251234"
    })
    void staysStrictOnEveryOtherPath(String what, String rawPath) {
        expectDocumentedProblem(what, get(rawPath));
    }

    @Test
    void answersAnEmptyCandidateWithTheVerdict() {
        HttpResponse<String> answer = get("/api/v1/customer-ids/");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode verdict = json.readTree(answer.body());
        assertThat(verdict.path("input").asString()).isEmpty();
        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.at("/error/code").asString()).isEqualTo("invalid-customer-id");
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"1000", "9000"})
    void answersAVeryLongCandidateWithJson(int length) {
        HttpResponse<String> answer = get("/api/v1/customer-ids/" + "A".repeat(length));

        if (answer.statusCode() == 200) {
            assertThat(json.readTree(answer.body()).path("valid").asBoolean()).isFalse();
        } else {
            expectDocumentedProblem(length + " characters", answer);
        }
    }

    private void expectDocumentedProblem(String what, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(what).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("instance").asString()).as(what).startsWith("urn:request:");
        assertThat(problem.path("code").asString()).as(what).isIn("bad-request", "invalid-parameter");
    }

    private HttpResponse<String> get(String rawPath) {
        return http.send(http.request(
                "GET", URI.create("http://127.0.0.1:" + port + rawPath), TestTokens.withScopes("customers:read")));
    }
}
