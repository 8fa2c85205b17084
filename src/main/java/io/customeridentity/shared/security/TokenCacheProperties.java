package io.customeridentity.shared.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of verified bearer tokens: how many tokens it holds (0 turns it off) and how long a verified token is
 * trusted before its signature is checked again. A token never outlives its own {@code exp} in the cache.
 */
@ConfigurationProperties("customer-identity.security.token-cache")
record TokenCacheProperties(
        @DefaultValue("10000") int maxSize,
        @DefaultValue("5m") Duration ttl) {}
