package io.customeridentity.privacy.internal.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail: whether it records at all (always, but to measure what it costs), how many reads the in-memory
 * queue holds, how many rows one insert writes at most, how long a read waits for room in a full queue before it is
 * refused with 503 {@code audit-unavailable}, and how old the oldest unwritten read may grow before reads are refused
 * in the same way (so that a crash loses neither more than the queue holds nor older reads).
 */
@ConfigurationProperties("customer-identity.audit")
record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration maxWait,
        @DefaultValue("5s") Duration maxAge) {

    AuditProperties {
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("customer-identity.audit.queue-capacity and batch-size must be >= 1");
        }
    }
}
