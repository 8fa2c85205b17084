package io.customeridentity.customer.internal.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-memory cache of customers' current details: how much heap it may fill (by default a quarter of the JVM's
 * maximum heap) or, if {@code maxSize} is set, how many customers it holds instead; either at 0 turns it off. Then
 * how long an entry may live at most, and how often the listening connection is checked while no change arrives.
 */
@ConfigurationProperties("customer-identity.cache.customers")
record CacheProperties(
        DataSize maxMemory,
        Integer maxSize,
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("5s") Duration healthCheckInterval) {

    /** The share of the maximum heap the cache may fill when {@code max-memory} is not set. */
    static final int DEFAULT_HEAP_PERCENT = 25;

    /** The bytes of heap the cache may fill, when it is bounded by memory ({@code maxSize} not set). */
    long memoryBudget() {
        return maxMemory != null
                ? Math.max(maxMemory.toBytes(), 0)
                : Runtime.getRuntime().maxMemory() / 100 * DEFAULT_HEAP_PERCENT;
    }

    boolean enabled() {
        return maxSize != null ? maxSize > 0 : memoryBudget() > 0;
    }
}
