package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Spring's own errors, on the full stack, come out as our problem details too. */
@IntegrationTest
class ProblemDetailsIntegrationTests {

    private static final String AUTHORIZATION = "Bearer " + TestTokens.readWrite();

    @Autowired
    RestTestClient client;

    @Test
    void answersUnknownPathWithNotFoundProblem() {
        expectProblem(
                client.get()
                        .uri("/api/v1/nothing-here")
                        .header("Authorization", AUTHORIZATION)
                        .exchange(),
                404,
                "not-found");
    }

    @Test
    void answersWrongMethodWithProblem() {
        expectProblem(
                client.delete()
                        .uri("/api/v1/customers")
                        .header("Authorization", AUTHORIZATION)
                        .exchange(),
                405,
                "method-not-allowed");
    }

    @Test
    void answersUnreadableJsonWithoutEchoingIt() {
        byte[] body = expectProblem(
                        client.post()
                                .uri("/api/v1/customers")
                                .header("Authorization", AUTHORIZATION)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{\"email\": \"secret@example.org\",")
                                .exchange(),
                        400,
                        "unreadable-request")
                .returnResult()
                .getResponseBodyContent();

        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("secret@example.org");
    }

    @Test
    void answersWrongFieldTypeWithProblem() {
        expectProblem(
                client.post()
                        .uri("/api/v1/customers")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"givenName\": {\"nested\": true}}")
                        .exchange(),
                400,
                "unreadable-request");
    }

    @Test
    void answersWrongContentTypeWithProblem() {
        expectProblem(
                client.post()
                        .uri("/api/v1/customers")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.TEXT_PLAIN)
                        .body("givenName=Ada")
                        .exchange(),
                415,
                "unsupported-media-type");
    }

    @Test
    void answersUnacceptableMediaTypeWithProblem() {
        client.get()
                .uri("/api/v1/prefixes")
                .header("Authorization", AUTHORIZATION)
                .accept(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus()
                .isEqualTo(406);
    }

    @Test
    void echoesCallersRequestIdInHeaderAndProblem() {
        client.get()
                .uri("/api/v1/customers/AC12345678901")
                .header("Authorization", AUTHORIZATION)
                .header("X-Request-Id", "ticket-4711")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "ticket-4711")
                .expectBody()
                .jsonPath("$.requestId")
                .isEqualTo("ticket-4711");
    }

    @Test
    void answersTheErrorPageAskedForDirectlyAsAnUnknownPathNotAServerError() {
        expectProblem(client.get().uri("/error").exchange(), 404, "not-found");
        expectProblem(
                client.get()
                        .uri("/error")
                        .header("Authorization", AUTHORIZATION)
                        .exchange(),
                404,
                "not-found");
    }

    private RestTestClient.BodyContentSpec expectProblem(
            RestTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.type")
                .isEqualTo("/problems/" + code)
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.trace")
                .doesNotExist();
    }
}
