package io.customeridentity.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints HS256 bearer tokens signed with the test profile's secret. */
public final class TestTokens {

    /** Same value as customer-identity.security.jwt.hmac-secret in application-test.properties. */
    public static final String SECRET = "test-only-hmac-secret-for-integration-tests-0123456789";

    private TestTokens() {}

    public static String withScopes(String scopes) {
        return sign(SECRET, "test-user", scopes, Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** Reads and writes customers, and sees their personal data unmasked ({@code customers:pii}). */
    public static String readWriteFor(String subject) {
        return sign(
                SECRET,
                subject,
                "customers:read customers:write customers:pii",
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** Every scope of the API, {@code customers:pii} included: answers are not masked. */
    public static final String ALL_SCOPES =
            "customers:read customers:write customers:pii interactions:read interactions:write accounts:read"
                    + " accounts:write events:read privacy:erase privacy:export audit:read";

    /** Every scope of the API but {@code customers:pii}: the customer answers are masked. */
    public static final String ALL_BUT_PII = ALL_SCOPES.replace(" customers:pii", "");

    /** A token with every scope but {@code customers:pii}. */
    public static String withoutPii() {
        return withScopes(ALL_BUT_PII);
    }

    public static String readWrite() {
        return withScopes(ALL_SCOPES);
    }

    public static String expired() {
        return sign(
                SECRET,
                "test-user",
                "customers:read customers:write",
                Instant.now().minus(Duration.ofHours(1)));
    }

    /** A token with every scope that expires at {@code expiry}, signed with {@code secret}. */
    public static String expiringAt(String secret, Instant expiry) {
        return sign(secret, "test-user", ALL_SCOPES, expiry);
    }

    public static String signedWith(String otherSecret) {
        return sign(
                otherSecret,
                "test-user",
                "customers:read customers:write",
                Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** The issuer and audience application-test.properties requires. */
    public static final String ISSUER = "customer-identity-test";

    public static final String AUDIENCE = "customer-identity";

    /** The claims of a valid token with every scope, to be changed by a test before it is {@link #sign signed}. */
    public static JWTClaimsSet.Builder validClaims() {
        Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
        return new JWTClaimsSet.Builder()
                .subject("test-user")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("scope", ALL_SCOPES)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(expiry));
    }

    private static String sign(String secret, String subject, String scopes, Instant expiry) {
        return sign(
                secret,
                validClaims()
                        .subject(subject)
                        .claim("scope", scopes)
                        .issueTime(Date.from(expiry.minus(Duration.ofMinutes(20))))
                        .expirationTime(Date.from(expiry))
                        .build());
    }

    /** Signs {@code claims} with the test secret. */
    public static String sign(JWTClaimsSet claims) {
        return sign(SECRET, claims);
    }

    private static String sign(String secret, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return jwt.serialize();
    }
}
