package io.customeridentity.shared.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A verified signature is not enough: the claims the service relies on must be present and sane ({@code sub},
 * {@code exp}, {@code iss}, {@code aud}), time is checked with at most 30 s of skew, and scopes come from the one
 * configured claim.
 */
@IntegrationTest
class TokenClaimsIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void acceptsATokenWithEveryRequiredClaim() {
        read(TestTokens.sign(TestTokens.validClaims().build())).expectStatus().isOk();
    }

    @Test
    void refusesATokenWithoutSubject() {
        expectInvalidClaim(claims -> claims.subject(null), "sub");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nul\u0000inside", "line\nbreak", "tab\tinside", "\u0085next-line"})
    void refusesASubjectThatIsEmptyOrHoldsControlCharacters(String subject) {
        expectInvalidClaim(claims -> claims.subject(subject), "sub");
    }

    @Test
    void refusesASubjectOver255Characters() {
        expectInvalidClaim(claims -> claims.subject("s".repeat(256)), "sub");
    }

    @Test
    void acceptsASubjectOf255Characters() {
        String token = TestTokens.sign(
                TestTokens.validClaims().subject("s".repeat(255)).build());
        new CustomerApi(client, token)
                .create(Map.of("givenName", "Edsger"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        expectInvalidClaim(claims -> claims.expirationTime(null), "exp");
    }

    @Test
    void refusesATokenExpiredLongerAgoThanTheClockSkew() {
        expectUnauthorized(TestTokens.sign(TestTokens.validClaims()
                .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(45))))
                .build()));
    }

    @Test
    void toleratesAnExpiryWithinTheClockSkew() {
        read(TestTokens.sign(TestTokens.validClaims()
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(10))))
                        .build()))
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesATokenNotValidBeforeALaterTimeThanTheClockSkew() {
        expectUnauthorized(TestTokens.sign(TestTokens.validClaims()
                .notBeforeTime(Date.from(Instant.now().plus(Duration.ofSeconds(45))))
                .build()));
    }

    @Test
    void refusesAnotherIssuer() {
        expectInvalidClaim(claims -> claims.issuer("https://attacker.example"), "iss");
    }

    @Test
    void refusesATokenWithoutIssuer() {
        expectInvalidClaim(claims -> claims.issuer(null), "iss");
    }

    @Test
    void refusesAnotherAudience() {
        expectInvalidClaim(claims -> claims.audience("billing"), "aud");
    }

    @Test
    void acceptsAnAudienceListThatNamesTheService() {
        read(TestTokens.sign(TestTokens.validClaims()
                        .audience(java.util.List.of("billing", TestTokens.AUDIENCE))
                        .build()))
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesATokenWithoutAudience() {
        expectInvalidClaim(claims -> claims.audience((String) null), "aud");
    }

    @Test
    void readsScopesFromTheScopeClaimOnly() {
        String scpOnly = TestTokens.sign(TestTokens.validClaims()
                .claim("scope", null)
                .claim("scp", TestTokens.ALL_SCOPES)
                .build());
        read(scpOnly).expectStatus().isForbidden();
    }

    private RestTestClient.ResponseSpec read(String token) {
        return client.get()
                .uri("/api/v1/prefixes")
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    private void expectUnauthorized(String token) {
        read(token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unauthorized");
    }

    private void expectInvalidClaim(UnaryOperator<JWTClaimsSet.Builder> change, String claim) {
        String token = TestTokens.sign(change.apply(TestTokens.validClaims()).build());
        client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("givenName", "Mallory"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid-token")
                .jsonPath("$.claim")
                .isEqualTo(claim)
                .jsonPath("$.instance")
                .value(instance -> org.assertj.core.api.Assertions.assertThat((String) instance)
                        .startsWith("urn:request:"));
    }
}
