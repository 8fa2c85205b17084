package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.customeridentity.support.MutableClock;
import io.customeridentity.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class CachingJwtDecoderTests {

    private static final String KEY = "first-signing-key-of-the-token-cache-tests-0123";
    private static final String ROTATED_KEY = "second-signing-key-of-the-token-cache-tests-456";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final Instant start = Instant.now();
    private final MutableClock clock = new MutableClock(start);
    private final AtomicReference<JwtDecoder> verifier = new AtomicReference<>(verifierFor(KEY));
    private final CachingJwtDecoder decoder =
            new CachingJwtDecoder(token -> verifier.get().decode(token), new TokenCacheProperties(100, TTL), clock);

    @Test
    void rejectsACachedTokenOnceItHasExpired() {
        String token = TestTokens.expiringAt(KEY, start.plusSeconds(60));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("test-user");

        clock.set(start.plusSeconds(61));

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void trustsAVerifiedTokenForTheTtlThenVerifiesItAgain() {
        String token = TestTokens.expiringAt(KEY, start.plus(Duration.ofHours(1)));
        decoder.decode(token);
        verifier.set(verifierFor(ROTATED_KEY)); // the identity provider drops the key that signed it

        clock.set(start.plus(TTL).minusSeconds(1));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("test-user");

        clock.set(start.plus(TTL));
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token));
    }

    @Test
    void verifiesATamperedCopyOfACachedToken() {
        String token = TestTokens.expiringAt(KEY, start.plus(Duration.ofHours(1)));
        decoder.decode(token);
        String[] parts = token.split("\\.");
        String otherPayload =
                TestTokens.expiringAt(KEY, start.plus(Duration.ofHours(2))).split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(tampered));
    }

    @Test
    void keepsRejectingATokenItCouldNotVerify() {
        String foreign = TestTokens.expiringAt(ROTATED_KEY, start.plus(Duration.ofHours(1)));

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(foreign));
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(foreign));
    }

    private JwtDecoder verifierFor(String key) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        nimbus.setJwtValidator(timestamps);
        return nimbus;
    }
}
