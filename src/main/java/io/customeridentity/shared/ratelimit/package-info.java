/**
 * Rate limits and look-up budgets: per-caller token buckets (Bucket4j) held in memory or in Redis, the filter that
 * answers 429 {@code rate-limited} before a request reaches a controller, {@link
 * io.customeridentity.shared.ratelimit.LookupMiss} for a resolve that matched nobody, and the {@link
 * io.customeridentity.shared.ratelimit.RequestRateLimited} event of each refused request.
 */
package io.customeridentity.shared.ratelimit;
