package io.customeridentity.shared.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer-token settings for local, development and test use: an HS256 shared secret whose UTF-8 bytes are the key.
 * Production uses the standard {@code spring.security.oauth2.resourceserver.jwt.*} settings instead.
 */
@ConfigurationProperties("customer-identity.security.jwt")
public record JwtProperties(String hmacSecret) {

    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("customer-identity.security.jwt.hmac-secret "
                    + "(CUSTOMER_IDENTITY_SECURITY_JWT_HMAC_SECRET) must be at least " + MIN_SECRET_BYTES
                    + " bytes long");
        }
    }
}
