package io.customeridentity.interaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
        MutableClock clock = new MutableClock(NOW);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        UUID before = ids.next();
        clock.move(Duration.ofMinutes(-1));

        UUID after = ids.next();

        assertThat(AS_POSTGRESQL_ORDERS.compare(before, after)).isNegative();
    }

    @Test
    void followsTheClockAcrossMilliseconds() {
        MutableClock clock = new MutableClock(NOW);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        ids.next();
        clock.move(Duration.ofSeconds(1));

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
}
