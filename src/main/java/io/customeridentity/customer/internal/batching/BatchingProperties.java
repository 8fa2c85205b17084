package io.customeridentity.customer.internal.batching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How concurrent requests share statements ({@link io.customeridentity.shared.Batcher}): registrations without an
 * idempotency key (see {@code Registrations}) and look-ups of current versions (see {@code StoredVersions}).
 */
@ConfigurationProperties("customer-identity.batching")
public record BatchingProperties(
        @DefaultValue Group registrations, @DefaultValue Group lookups) {

    /**
     * The most items one statement takes (1: each alone), how many such statements may run at once, each on its own
     * pooled connection, and the longest a request waits for its statement to start (as long as for a pooled
     * connection by default), after which it fails with a 503 and is never written.
     */
    public record Group(
            @DefaultValue("64") int maxSize,
            @DefaultValue("2") int concurrent,
            @DefaultValue("3s") Duration maxWait) {

        public Group {
            if (maxSize < 1 || concurrent < 1) {
                throw new IllegalArgumentException(
                        "customer-identity.batching.*.max-size and .concurrent must be at least 1");
            }
            if (maxWait.isNegative() || maxWait.isZero()) {
                throw new IllegalArgumentException("customer-identity.batching.*.max-wait must be positive");
            }
        }
    }
}
