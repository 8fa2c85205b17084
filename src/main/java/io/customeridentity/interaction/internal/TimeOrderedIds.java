package io.customeridentity.interaction.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interaction ids: UUID version 7 (RFC 9562), so that new rows land at the right edge of the primary-key index
 * instead of on a random leaf of it, while 62 bits from {@link SecureRandom} keep ids unguessable.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long RANDOM_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;

    // The last (Unix milliseconds << 12 | sequence) handed out. The 12 bits after the timestamp count within a
    // millisecond (RFC 9562, 6.2 method 1), so ids are strictly increasing in the order this instance makes them;
    // past 4,096 ids in one millisecond the timestamp runs ahead of the clock until the clock catches up.
    private final AtomicLong last = new AtomicLong();

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    UUID next() {
        long now = clock.millis() << 12;
        long stamp = last.updateAndGet(previous -> Math.max(previous + 1, now));
        long mostSignificant = (stamp >>> 12) << 16 | VERSION_7 | (stamp & 0xFFF);
        return new UUID(mostSignificant, VARIANT_RFC | (RANDOM.nextLong() & RANDOM_BITS));
    }
}
