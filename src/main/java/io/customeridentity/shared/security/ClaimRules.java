package io.customeridentity.shared.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a verified token's claims must satisfy before the service trusts it, whichever way its signature was checked:
 * a {@code sub} of 1 to 255 characters without control characters (it authors versions and scopes idempotency keys),
 * an {@code exp}, {@code exp} and {@code nbf} within the configured clock skew, and the configured {@code iss} and
 * {@code aud}. A broken rule is reported as a {@link ClaimError} naming the claim, never quoting its value.
 */
final class ClaimRules implements OAuth2TokenValidator<Jwt> {

    static final int MAX_SUBJECT_LENGTH = 255;

    private final List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();

    ClaimRules(JwtProperties properties, Clock clock) {
        rules.add(claim(JwtClaimNames.SUB, ClaimRules::isSubject));
        rules.add(claim(JwtClaimNames.EXP, value -> value != null));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        rules.add(timestamps);
        if (properties.issuer() != null) {
            String issuer = properties.issuer();
            rules.add(claim(JwtClaimNames.ISS, value -> value != null && issuer.equals(value.toString())));
        }
        if (properties.audience() != null) {
            String audience = properties.audience();
            rules.add(claim(
                    JwtClaimNames.AUD,
                    value -> value instanceof Collection<?> audiences
                            ? audiences.contains(audience)
                            : audience.equals(value)));
        }
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        for (OAuth2TokenValidator<Jwt> rule : rules) {
            OAuth2TokenValidatorResult result = rule.validate(token);
            if (result.hasErrors()) {
                errors.addAll(result.getErrors());
            }
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    static boolean isSubject(Object value) {
        if (!(value instanceof String subject) || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
            return false;
        }
        return subject.codePoints().noneMatch(Character::isISOControl);
    }

    private static OAuth2TokenValidator<Jwt> claim(String name, Predicate<Object> test) {
        return token -> test.test(token.getClaims().get(name))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new ClaimError(name));
    }

    /** A claim that is missing or breaks its rule; the description names the claim only. */
    static final class ClaimError extends OAuth2Error {

        private static final long serialVersionUID = 1L;

        private final String claim;

        ClaimError(String claim) {
            super(OAuth2ErrorCodes.INVALID_TOKEN, "The " + claim + " claim is missing or not valid", null);
            this.claim = claim;
        }

        String claim() {
            return claim;
        }
    }
}
