package io.customeridentity.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The documented defaults, and overrides that name only what they change. */
class RateLimitPropertiesTests {

    @Test
    void defaultsToTheDocumentedBudgets() {
        RateLimitProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.general()).isEqualTo(new RateLimitProperties.Limit(100L, Duration.ofSeconds(1), 200L));
        assertThat(properties.lookup()).isEqualTo(new RateLimitProperties.Limit(10L, Duration.ofSeconds(1), 50L));
        assertThat(properties.missCost()).isEqualTo(5);
        assertThat(properties.redisUrl()).isNull();
        assertThat(properties.lookup().window()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anOverrideKeepsTheDefaultsOfWhatItDoesNotName() {
        RateLimitProperties properties = bind(Map.of(
                "customer-identity.rate-limits.general.burst", "400",
                "customer-identity.rate-limits.callers[Batch.Producer-1].general.rate", "1000",
                "customer-identity.rate-limits.callers[Batch.Producer-1].general.burst", "2000"));

        assertThat(properties.limitOf(Budget.GENERAL, "Batch.Producer-1"))
                .isEqualTo(new RateLimitProperties.Limit(1000L, Duration.ofSeconds(1), 2000L));
        assertThat(properties.limitOf(Budget.LOOKUP, "Batch.Producer-1")).isEqualTo(properties.lookup());
        assertThat(properties.limitOf(Budget.GENERAL, "anyone else"))
                .isEqualTo(new RateLimitProperties.Limit(100L, Duration.ofSeconds(1), 400L));
    }

    @Test
    void canBeTurnedOff() {
        assertThat(bind(Map.of("customer-identity.rate-limits.enabled", "false"))
                        .enabled())
                .isFalse();
    }

    private static RateLimitProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("customer-identity.rate-limits", RateLimitProperties.class);
    }
}
