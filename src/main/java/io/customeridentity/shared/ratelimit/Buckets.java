package io.customeridentity.shared.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The buckets of every caller, one per budget: made on first use, and forgotten once idle for twice the time an empty
 * bucket takes to fill up (a forgotten bucket comes back full, as it would have been). Finding a caller's bucket is
 * one map look-up; the bucket itself is Bucket4j's, in this JVM's memory or a proxy of one kept in Redis.
 */
final class Buckets {

    /** Makes the bucket of a budget and caller from its configuration. */
    interface Factory {
        Bucket create(Budget budget, String callerKey, BucketConfiguration configuration);
    }

    private record Held(Bucket bucket, long idleNanos) {}

    private static final long MIN_IDLE_NANOS = Duration.ofMinutes(1).toNanos();

    private final RateLimitProperties properties;
    private final Factory factory;
    private final Map<Budget, Cache<String, Held>> held = new EnumMap<>(Budget.class);

    Buckets(RateLimitProperties properties, Factory factory) {
        this.properties = properties;
        this.factory = factory;
        for (Budget budget : Budget.values()) {
            held.put(budget, Caffeine.newBuilder().expireAfter(new IdleExpiry()).build());
        }
    }

    /** Buckets in this JVM's memory. */
    static Buckets inMemory(RateLimitProperties properties) {
        return new Buckets(
                properties,
                (budget, callerKey, configuration) -> Bucket.builder()
                        .addLimit(configuration.getBandwidths()[0])
                        .build());
    }

    Bucket of(Budget budget, String callerKey) {
        return held.get(budget).get(callerKey, key -> hold(budget, key)).bucket();
    }

    private Held hold(Budget budget, String callerKey) {
        RateLimitProperties.Limit limit = properties.limitOf(budget, callerKey);
        long idle = Math.max(MIN_IDLE_NANOS, saturatedTwice(limit.window().toNanos()));
        return new Held(factory.create(budget, callerKey, configurationOf(limit)), idle);
    }

    static BucketConfiguration configurationOf(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.rate(), limit.period()))
                .build();
    }

    private static long saturatedTwice(long nanos) {
        return nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : nanos * 2;
    }

    private static final class IdleExpiry implements Expiry<String, Held> {

        @Override
        public long expireAfterCreate(String key, Held value, long currentTime) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Held value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterRead(String key, Held value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }
    }
}
