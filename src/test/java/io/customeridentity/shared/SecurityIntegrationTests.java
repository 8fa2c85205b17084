package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class SecurityIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void rejectsRequestWithoutTokenWithProblemAndChallenge() {
        client.get()
                .uri("/api/v1/prefixes")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unauthorized")
                .jsonPath("$.type")
                .isEqualTo("/problems/unauthorized")
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void rejectsExpiredToken() {
        expectUnauthorized(TestTokens.expired());
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() {
        expectUnauthorized(TestTokens.signedWith("another-secret-that-is-long-enough-0123456789"));
    }

    @Test
    void rejectsGarbageToken() {
        expectUnauthorized("not.a.jwt");
    }

    @Test
    void forbidsCreateWithReadOnlyScope() {
        client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"givenName\":\"Ada\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("insufficient-scope");
    }

    @Test
    void namesTheScopeAForbiddenOperationNeedsAndTheOccurrence() {
        client.post()
                .uri("/api/v1/customers/AC12345678900/accounts")
                .header("Authorization", "Bearer " + TestTokens.withScopes("accounts:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*insufficient_scope.*")
                .expectBody()
                .jsonPath("$.requiredScope")
                .isEqualTo("accounts:write")
                .jsonPath("$.instance")
                .value(instance -> assertThat((String) instance).startsWith("urn:request:"));
    }

    @Test
    void namesTheOccurrenceOfAnUnauthorisedRequest() {
        client.get()
                .uri("/api/v1/customers/AC12345678900")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.instance")
                .value(instance -> assertThat((String) instance).startsWith("urn:request:"))
                .jsonPath("$.requiredScope")
                .doesNotExist();
    }

    @Test
    void forbidsChangesWithReadOnlyScope() {
        client.patch()
                .uri("/api/v1/customers/AC12345678900")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"givenName\":\"Mallory\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("insufficient-scope");
    }

    @Test
    void forbidsReadWithWriteOnlyScope() {
        client.get()
                .uri("/api/v1/prefixes")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:write"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("insufficient-scope");
    }

    @Test
    void keepsHealthInfoAndApiDocsPublic() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void protectsMetrics() {
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.withScopes("actuator:read"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void expectUnauthorized(String token) {
        client.get()
                .uri("/api/v1/prefixes")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unauthorized");
    }
}
