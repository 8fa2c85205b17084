package io.customeridentity.shared.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Applies the service's {@link ClaimRules} after another decoder verified a token's signature, so the rules hold both
 * for the development HS256 decoder and for the one Spring Boot builds from an issuer or JWK set (whose own checks,
 * such as its issuer, stay in force).
 */
final class ClaimCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> rules;

    ClaimCheckingJwtDecoder(JwtDecoder delegate, OAuth2TokenValidator<Jwt> rules) {
        this.delegate = delegate;
        this.rules = rules;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = delegate.decode(token);
        OAuth2TokenValidatorResult result = rules.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
