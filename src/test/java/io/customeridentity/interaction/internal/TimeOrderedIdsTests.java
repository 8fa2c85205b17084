package io.customeridentity.interaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

    /** How PostgreSQL orders uuid values: bytes compared unsigned, most significant first. */
    static final Comparator<UUID> AS_POSTGRESQL_ORDERS = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    static final Instant NOW = Instant.parse("2026-11-23T12:34:56.789Z");

    @Test
    void makesVersionSevenIdsCarryingTheClocksMillisecond() {
        UUID id = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void increasesStrictlyWithinOneMillisecondAndPastFourThousandIdsInIt() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSortedAccordingTo(AS_POSTGRESQL_ORDERS).doesNotHaveDuplicates();
        assertThat(made).allMatch(id -> id.version() == 7 && id.variant() == 2);
    }

    @Test
    void keepsIncreasingWhenTheClockStepsBack() {
        AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
        TimeOrderedIds ids = new TimeOrderedIds(new SteppingClock(millis));
        UUID before = ids.next();
        millis.addAndGet(-60_000);

        UUID after = ids.next();

        assertThat(AS_POSTGRESQL_ORDERS.compare(before, after)).isNegative();
    }

    @Test
    void followsTheClockAcrossMilliseconds() {
        AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
        TimeOrderedIds ids = new TimeOrderedIds(new SteppingClock(millis));
        ids.next();
        millis.addAndGet(1_000);

        assertThat(ids.next().getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli() + 1_000);
    }

    @Test
    void differInTheirRandomPartEvenWithinOneMillisecond() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC));
        Set<Long> randomParts = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            randomParts.add(ids.next().getLeastSignificantBits());
        }

        assertThat(randomParts).as("62 random bits each: no repeats expected").hasSize(1_000);
    }

    /** A clock whose milliseconds the test moves. */
    private static final class SteppingClock extends Clock {

        private final AtomicLong millis;

        SteppingClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
