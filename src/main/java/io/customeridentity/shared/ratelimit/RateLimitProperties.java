package io.customeridentity.shared.ratelimit;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits: whether they apply, the general and look-up budgets every caller gets, what a resolve that matches
 * nobody costs, per-caller overrides (by client id, else subject), and the Redis server that shares the buckets
 * between instances (none: each instance keeps its own in memory).
 */
@ConfigurationProperties("customer-identity.rate-limits")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit general,
        Limit lookup,
        @DefaultValue("5") long missCost,
        Map<String, Overrides> callers,
        String redisUrl,
        @DefaultValue("customer-identity:rate-limits:") String redisKeyPrefix,
        @DefaultValue("500ms") Duration redisTimeout) {

    static final Limit GENERAL_DEFAULT = new Limit(100L, Duration.ofSeconds(1), 200L);
    static final Limit LOOKUP_DEFAULT = new Limit(10L, Duration.ofSeconds(1), 50L);

    RateLimitProperties {
        general = Limit.orElse(general, GENERAL_DEFAULT);
        lookup = Limit.orElse(lookup, LOOKUP_DEFAULT);
        if (missCost < 1) {
            throw new IllegalArgumentException("customer-identity.rate-limits.miss-cost must be at least 1");
        }
        Map<String, Overrides> complete = new HashMap<>();
        if (callers != null) {
            for (Map.Entry<String, Overrides> entry : callers.entrySet()) {
                Overrides given = entry.getValue() == null ? new Overrides(null, null) : entry.getValue();
                complete.put(
                        entry.getKey(),
                        new Overrides(Limit.orElse(given.general(), general), Limit.orElse(given.lookup(), lookup)));
            }
        }
        callers = Map.copyOf(complete);
        if (redisUrl != null && redisUrl.isBlank()) {
            redisUrl = null;
        }
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("customer-identity.rate-limits.redis-timeout must be positive");
        }
    }

    /** The limit of this budget for the caller with this key: its override, else the default. */
    Limit limitOf(Budget budget, String callerKey) {
        Overrides own = callers.get(callerKey);
        if (budget == Budget.GENERAL) {
            return own == null ? general : own.general();
        }
        return own == null ? lookup : own.lookup();
    }

    /**
     * A token bucket: {@code burst} requests at once, refilled by {@code rate} every {@code period}. Parts left out
     * are taken from the default.
     */
    record Limit(Long rate, Duration period, Long burst) {

        Limit {
            if (rate != null && rate < 1) {
                throw new IllegalArgumentException("a rate limit's rate must be at least 1");
            }
            if (burst != null && burst < 1) {
                throw new IllegalArgumentException("a rate limit's burst must be at least 1");
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("a rate limit's period must be positive");
            }
        }

        static Limit orElse(Limit given, Limit fallback) {
            if (given == null) {
                return fallback;
            }
            return new Limit(
                    given.rate != null ? given.rate : fallback.rate,
                    given.period != null ? given.period : fallback.period,
                    given.burst != null ? given.burst : fallback.burst);
        }

        /** How long an empty bucket takes to fill up again: the window of the IETF {@code RateLimit-Policy}. */
        Duration window() {
            return period.multipliedBy(burst).dividedBy(rate);
        }
    }

    /** One caller's own budgets; either may be left out (then the default applies). */
    record Overrides(Limit general, Limit lookup) {}
}
