package io.customeridentity.privacy.internal.audit;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit row ids: UUID version 7 (RFC 9562), so that new rows land at the right edge of the primary-key index, strictly
 * increasing within this instance (a counter in the 12 bits after the millisecond), 62 random bits after it. From
 * {@link ThreadLocalRandom}, not {@code SecureRandom}: an audit id needs to be unique, not unguessable (only holders of
 * audit:read see them), and every read makes one, so it must not contend.
 */
final class AuditIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long RANDOM_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    AuditIds(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long now = clock.millis() << 12;
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, now));
        return new UUID(
                (stamp >>> 12) << 16 | VERSION_7 | (stamp & 0xFFF),
                VARIANT_RFC | (ThreadLocalRandom.current().nextLong() & RANDOM_BITS));
    }
}
