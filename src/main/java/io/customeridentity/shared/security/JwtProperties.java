package io.customeridentity.shared.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer-token rules: the HS256 shared secret for local, development and test use (production verifies with the
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} settings instead), the issuer and audience a token must
 * name when they are configured, the clock skew allowed on {@code exp} and {@code nbf}, and the one claim scopes are
 * read from.
 */
@ConfigurationProperties("customer-identity.security.jwt")
public record JwtProperties(
        String hmacSecret,
        String issuer,
        String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("scope") String scopeClaim) {

    static final int MIN_SECRET_BYTES = 32;
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);
    private static final Set<String> SCOPE_CLAIMS = Set.of("scope", "scp");

    public JwtProperties {
        if (hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("customer-identity.security.jwt.hmac-secret "
                    + "(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET) must be at least " + MIN_SECRET_BYTES
                    + " bytes long");
        }
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        if (clockSkew == null) {
            clockSkew = MAX_CLOCK_SKEW;
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("customer-identity.security.jwt.clock-skew must be between 0s and "
                    + MAX_CLOCK_SKEW.toSeconds() + "s");
        }
        if (scopeClaim == null) {
            scopeClaim = "scope";
        }
        if (!SCOPE_CLAIMS.contains(scopeClaim)) {
            throw new IllegalArgumentException(
                    "customer-identity.security.jwt.scope-claim must be 'scope' (the standard) or 'scp'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
