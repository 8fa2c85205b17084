package io.customeridentity.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import tools.jackson.databind.json.JsonMapper;

/** The filter on its own: limits that are turned off limit nothing, and a caller is its client when it has one. */
class RateLimitFilterTests {

    private final List<Object> published = new ArrayList<>();

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void limitsNothingWhenTurnedOff() throws Exception {
        RateLimitFilter filter = filter(false);
        authenticate("someone", null);

        for (int i = 0; i < 10; i++) {
            assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(200);
        }
        assertThat(published).isEmpty();
    }

    @Test
    void refusesTheRequestOverBudgetWhenTurnedOn() throws Exception {
        RateLimitFilter filter = filter(true);
        authenticate("someone", null);

        assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(200);
        assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = send(filter, "GET", "/api/v1/prefixes");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getHeader("RateLimit-Policy")).isEqualTo("\"general\";q=2;w=120");
        assertThat(refused.getHeader("RateLimit")).isEqualTo("\"general\";r=0;t=60");
        assertThat(published).singleElement().isInstanceOf(RequestRateLimited.class);
    }

    @Test
    void callersOfOneClientShareItsBudget() throws Exception {
        RateLimitFilter filter = filter(true);
        authenticate("alice", "batch-producer");
        send(filter, "GET", "/api/v1/prefixes");
        send(filter, "GET", "/api/v1/prefixes");

        authenticate("bob", "batch-producer");
        assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(429);
        authenticate("bob", null);
        assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(200);
    }

    @Test
    void leavesRequestsWithoutAnAuthenticatedCallerAlone() throws Exception {
        RateLimitFilter filter = filter(true);
        for (int i = 0; i < 5; i++) {
            assertThat(send(filter, "GET", "/api/v1/prefixes").getStatus()).isEqualTo(200);
        }
    }

    private RateLimitFilter filter(boolean enabled) {
        RateLimitProperties properties = new RateLimitProperties(
                enabled,
                new RateLimitProperties.Limit(1L, Duration.ofMinutes(1), 2L),
                null,
                5,
                Map.of(),
                null,
                "test:",
                Duration.ofMillis(500));
        return new RateLimitFilter(
                properties,
                RateLimiter.inMemory(properties),
                published::add,
                JsonMapper.builder().build(),
                Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    private static void authenticate(String subject, String clientId) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "HS256").subject(subject);
        if (clientId != null) {
            jwt.claim("azp", clientId);
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build(), List.of()));
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
