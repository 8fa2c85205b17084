package io.customeridentity.customer.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory cache of customers' current details: how many customers it holds (0 turns it off), how long an
 * entry may live at most, and how often the listening connection is checked while no change arrives.
 */
@ConfigurationProperties("customer-identity.cache.customers")
record CacheProperties(
        @DefaultValue("100000") int maxSize,
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("5s") Duration healthCheckInterval) {}
