package io.customeridentity.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens that another decoder verified, so that a caller's token is parsed, checked and its claims
 * converted once rather than on every request: profiled under load, decoding cost more than a cached customer read.
 *
 * <p>Only verified tokens are kept, keyed by the whole token, so a token that differs in any character is verified
 * afresh. A cached token is served only until its {@code exp} and at most {@code ttl} after it was verified; after
 * that the delegate decides again, and rejects what has expired.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final Cache<String, Verified> verified;

    CachingJwtDecoder(JwtDecoder delegate, TokenCacheProperties properties, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = properties.ttl();
        this.verified = Caffeine.newBuilder()
                .maximumSize(properties.maxSize())
                .expireAfter(Expiry.<String, Verified>creating(
                        (token, entry) -> positive(Duration.between(clock.instant(), entry.until()))))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Verified cached = verified.getIfPresent(token);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.jwt();
        }
        Jwt jwt = delegate.decode(token);
        Instant trustedUntil = clock.instant().plus(ttl);
        Instant expiresAt = jwt.getExpiresAt();
        verified.put(
                token,
                new Verified(jwt, expiresAt != null && expiresAt.isBefore(trustedUntil) ? expiresAt : trustedUntil));
        return jwt;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** A verified token and the instant from which it must be verified again. */
    private record Verified(Jwt jwt, Instant until) {}
}
