package io.customeridentity.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per caller, whether a request is within its budgets, and charges what the answer showed afterwards (a
 * customer read that found nobody, a resolve that matched nobody). Each decision is a map look-up and one bucket
 * operation per budget. With Redis, a bucket operation that fails falls back to this instance's own buckets, so an
 * outage of Redis makes the limits per instance instead of stopping the service.
 */
class RateLimiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

    /** Why a request was refused: the budget it is over, that budget's limit, and when it may try again. */
    record Rejection(Budget budget, RateLimitProperties.Limit limit, long nanosToWait) {}

    private final RateLimitProperties properties;
    private final Buckets buckets;
    private final Buckets fallback;
    private final AutoCloseable backend;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
    private final Runnable onBackendFailure;

    RateLimiter(
            RateLimitProperties properties,
            Buckets buckets,
            Buckets fallback,
            AutoCloseable backend,
            Runnable onBackendFailure) {
        this.properties = properties;
        this.buckets = buckets;
        this.fallback = fallback;
        this.backend = backend;
        this.onBackendFailure = onBackendFailure;
    }

    /** Buckets in this instance's memory only. */
    static RateLimiter inMemory(RateLimitProperties properties) {
        return new RateLimiter(properties, Buckets.inMemory(properties), null, () -> {}, () -> {});
    }

    /**
     * Takes what the request costs before it runs: one general token, and for a look-up one look-up token (a customer
     * read only needs one to be left: it pays when it finds nobody). Null when the request may go on.
     */
    Rejection admit(String callerKey, Lookup lookup) {
        ConsumptionProbe general = on(Budget.GENERAL, callerKey, bucket -> bucket.tryConsumeAndReturnRemaining(1));
        if (!general.isConsumed()) {
            return rejection(Budget.GENERAL, callerKey, general.getNanosToWaitForRefill());
        }
        switch (lookup) {
            case ALWAYS -> {
                ConsumptionProbe probe = on(Budget.LOOKUP, callerKey, bucket -> bucket.tryConsumeAndReturnRemaining(1));
                return probe.isConsumed() ? null : rejection(Budget.LOOKUP, callerKey, probe.getNanosToWaitForRefill());
            }
            case ON_NOT_FOUND -> {
                EstimationProbe probe = on(Budget.LOOKUP, callerKey, bucket -> bucket.estimateAbilityToConsume(1));
                return probe.canBeConsumed()
                        ? null
                        : rejection(Budget.LOOKUP, callerKey, probe.getNanosToWaitForRefill());
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Charges what the answer revealed, whatever is left (the bucket may go below empty, and the caller's next look-up
     * waits the longer): a customer read answered 404 costs one look-up token, a resolve that matched nobody costs
     * {@code miss-cost} in all.
     */
    void settle(String callerKey, Lookup lookup, int status, boolean missed) {
        long owed = 0;
        if (lookup == Lookup.ON_NOT_FOUND && status == 404) {
            owed = 1;
        } else if (lookup == Lookup.ALWAYS && missed) {
            owed = properties.missCost() - 1;
        }
        if (owed > 0) {
            long charge = owed;
            on(Budget.LOOKUP, callerKey, bucket -> bucket.consumeIgnoringRateLimits(charge));
        }
    }

    private Rejection rejection(Budget budget, String callerKey, long nanosToWait) {
        return new Rejection(budget, properties.limitOf(budget, callerKey), nanosToWait);
    }

    private <T> T on(Budget budget, String callerKey, Function<Bucket, T> operation) {
        if (fallback == null) {
            return operation.apply(buckets.of(budget, callerKey));
        }
        try {
            return operation.apply(buckets.of(budget, callerKey));
        } catch (RuntimeException ex) {
            onBackendFailure.run();
            long now = System.nanoTime();
            long last = lastWarning.get();
            if (now - last >= WARN_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
                log.warn(
                        "Rate-limit buckets in Redis unreachable ({}): this instance limits with its own buckets "
                                + "until Redis answers again (logged at most once a minute)",
                        ex.getClass().getName());
            }
            return operation.apply(fallback.of(budget, callerKey));
        }
    }

    @Override
    public void close() throws Exception {
        backend.close();
    }
}
