package io.customeridentity.shared.ratelimit;

import io.customeridentity.shared.security.Caller;
import io.customeridentity.shared.web.Problems;
import io.customeridentity.shared.web.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds each caller to its budgets. Runs after Spring Security (the caller is known, and only requests it let through
 * arrive) and before Spring MVC: a refused request reaches no controller and no database, and is answered 429
 * {@code rate-limited} with {@code Retry-After} and the IETF {@code RateLimit-Policy} and {@code RateLimit} headers,
 * and published as {@link RequestRateLimited}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String RATE_LIMIT_HEADER = "RateLimit";

    private final boolean enabled;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<Budget, Counter> rejected = new EnumMap<>(Budget.class);

    RateLimitFilter(
            RateLimitProperties properties,
            RateLimiter limiter,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.enabled = properties.enabled();
        this.limiter = limiter;
        this.events = events;
        this.json = json;
        this.clock = clock;
        for (Budget budget : Budget.values()) {
            rejected.put(
                    budget,
                    Counter.builder("customer.identity.rate.limits.rejected")
                            .description("Requests refused with 429 because the caller was over a budget")
                            .tag("budget", budget.policy())
                            .register(meters));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = Caller.of(authentication);
        String key = keyOf(caller);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Lookup lookup = Lookup.of(request);
        RateLimiter.Rejection rejection = limiter.admit(key, lookup);
        if (rejection != null) {
            refuse(request, response, caller, rejection);
            return;
        }
        chain.doFilter(request, response);
        if (lookup != Lookup.NONE) {
            limiter.settle(key, lookup, response.getStatus(), LookupMiss.recorded(request));
        }
    }

    /** A caller is its client when the token names one (every user of a client shares its budget), else its subject. */
    static String keyOf(Caller caller) {
        return caller.clientId() != null ? caller.clientId() : caller.subject();
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, Caller caller, RateLimiter.Rejection rejection)
            throws IOException {
        Budget budget = rejection.budget();
        // Recorded before the answer leaves: a caller that has its 429 can count on the refusal being known.
        events.publishEvent(new RequestRateLimited(
                caller,
                request.getRemoteAddr(),
                response.getHeader(RequestIdFilter.HEADER),
                request.getMethod(),
                request.getRequestURI(),
                budget,
                clock.instant()));
        rejected.get(budget).increment();
        RateLimitProperties.Limit limit = rejection.limit();
        long retryAfter = Math.max(1, ceilSeconds(rejection.nanosToWait()));
        String policy = '"' + budget.policy() + '"';
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setHeader(
                POLICY_HEADER,
                policy + ";q=" + limit.burst() + ";w="
                        + Math.max(1, ceilSeconds(limit.window().toNanos())));
        response.setHeader(RATE_LIMIT_HEADER, policy + ";r=0;t=" + retryAfter);
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "This caller is over its " + budget.policy() + " budget (" + limit.burst() + " requests, "
                        + limit.rate() + " more every " + limit.period().toMillis() + " ms); retry after "
                        + retryAfter + " s.");
        problem.setProperty("budget", budget.policy());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos - 1) / 1_000_000_000L + 1;
    }
}
