package io.customeridentity.shared.ratelimit;

import io.customeridentity.shared.web.WireJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits: the limiter (buckets in memory, or in Redis when {@code customer-identity.rate-limits.redis-url}
 * is set) and its filter on {@code /api/*}, just after Spring Security's. Whether the limits apply is read at run
 * time, not by a bean condition, so that a jar whose conditions were settled at build time (Spring AOT) honours it.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Spring Security's filter chain has order -100 (spring.security.filter.order); this runs after it. */
    static final int FILTER_ORDER = 0;

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, MeterRegistry meters) {
        if (!properties.enabled() || properties.redisUrl() == null) {
            return RateLimiter.inMemory(properties);
        }
        Counter failures = Counter.builder("customer.identity.rate.limits.backend.failures")
                .description("Bucket operations Redis did not answer; this instance's own buckets answered instead")
                .register(meters);
        RedisBuckets redis = new RedisBuckets(properties);
        return new RateLimiter(properties, redis.buckets(), Buckets.inMemory(properties), redis, failures::increment);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties,
            RateLimiter limiter,
            ApplicationEventPublisher events,
            JsonMapper jsonMapper,
            Clock clock,
            MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(properties, limiter, events, WireJson.of(jsonMapper), clock, meters));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
