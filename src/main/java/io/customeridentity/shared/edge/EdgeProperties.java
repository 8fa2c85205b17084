package io.customeridentity.shared.edge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a caller may send: the largest request body (a larger one for the interaction batch), the longest
 * pause while a body is being read, and the slowest average rate at which a body may arrive once that pause has passed.
 */
@ConfigurationProperties("customer-identity.http")
record EdgeProperties(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("16MB") DataSize maxBatchBodySize,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue("8KB") DataSize bodyMinRate) {

    /** The one operation whose bodies may be larger than {@link #maxBodySize()}. */
    static final String BATCH_PATH = "/api/v1/interactions/batch";

    EdgeProperties {
        if (maxBodySize.toBytes() <= 0 || maxBatchBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException(
                    "customer-identity.http.max-body-size and max-batch-body-size " + "must be positive");
        }
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("customer-identity.http.body-read-timeout must be positive");
        }
        if (bodyMinRate.toBytes() <= 0) {
            throw new IllegalArgumentException("customer-identity.http.body-min-rate must be positive (bytes/s)");
        }
    }

    long maxBodyBytes(String path) {
        return BATCH_PATH.equals(path) ? maxBatchBodySize.toBytes() : maxBodySize.toBytes();
    }
}
