package io.customeridentity.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import io.customeridentity.support.TestTokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The rate limits with buckets in the real Redis on 127.0.0.1:6379 ({@code .ci/run} starts it), under a key prefix of
 * this run's own so that parallel runs never share a bucket. Its own context: the buckets live elsewhere, and the
 * default budgets here are small (5 requests and 2 look-ups, refilled once an hour); a client {@code batch-producer}
 * has 20 requests.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "customer-identity.rate-limits.redis-url=redis://127.0.0.1:6379",
            "customer-identity.rate-limits.redis-key-prefix=customer-identity-test:${random.uuid}:",
            "customer-identity.rate-limits.general.rate=1",
            "customer-identity.rate-limits.general.period=1h",
            "customer-identity.rate-limits.general.burst=5",
            "customer-identity.rate-limits.lookup.rate=1",
            "customer-identity.rate-limits.lookup.period=1h",
            "customer-identity.rate-limits.lookup.burst=2",
            "customer-identity.rate-limits.callers[batch-producer].general.burst=20"
        })
class RedisRateLimitIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    RateLimitProperties properties;

    @Test
    void refusesACallerOverItsGeneralBudgetKeptInRedis() {
        String subject = "redis-general-" + UUID.randomUUID();
        String token = tokenOf(subject, null);
        for (int i = 0; i < 5; i++) {
            get(token, "/api/v1/prefixes").expectStatus().isOk();
        }

        get(token, "/api/v1/prefixes")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"general\";q=5;w=18000")
                .expectHeader()
                .valueMatches("RateLimit", "\"general\";r=0;t=[0-9]+")
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate-limited")
                .jsonPath("$.budget")
                .isEqualTo("general");

        RedisClient redis = RedisClient.create(properties.redisUrl());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            assertThat(connection.sync().exists(properties.redisKeyPrefix() + "general:" + subject))
                    .isEqualTo(1L);
        } finally {
            redis.shutdown();
        }
    }

    @Test
    void refusesResolvesOverTheLookupBudgetKeptInRedis() {
        String token = tokenOf("redis-lookup-" + UUID.randomUUID(), null);
        String email = UUID.randomUUID() + "@example.org";
        new ResolutionApi(client).customer(Map.of("email", email));

        resolve(token, email).expectStatus().isOk();
        resolve(token, email).expectStatus().isOk();
        resolve(token, email)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"lookup\";q=2;w=7200")
                .expectHeader()
                .valueMatches("RateLimit", "\"lookup\";r=0;t=[0-9]+")
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody()
                .jsonPath("$.budget")
                .isEqualTo("lookup");
    }

    @Test
    void instancesShareTheBudget() throws Exception {
        String subject = "redis-shared-" + UUID.randomUUID();
        // Another instance of the service: its own limiter on the same Redis and key prefix spends the budget.
        try (RedisBuckets other = new RedisBuckets(properties)) {
            RateLimiter otherInstance = new RateLimiter(properties, other.buckets(), null, other, () -> {});
            for (int i = 0; i < 5; i++) {
                assertThat(otherInstance.admit(subject, Lookup.NONE)).isNull();
            }
        }

        get(tokenOf(subject, null), "/api/v1/prefixes").expectStatus().isEqualTo(429);
    }

    @Test
    void aClientWithAnOverrideGetsMore() {
        String producer = tokenOf("redis-producer-" + UUID.randomUUID(), "batch-producer");
        for (int i = 0; i < 20; i++) {
            get(producer, "/api/v1/prefixes").expectStatus().isOk();
        }
        get(producer, "/api/v1/prefixes").expectStatus().isEqualTo(429);
        // Every user of the client shares the client's budget.
        get(tokenOf("redis-producer-" + UUID.randomUUID(), "batch-producer"), "/api/v1/prefixes")
                .expectStatus()
                .isEqualTo(429);
    }

    private static String tokenOf(String subject, String clientId) {
        var claims = TestTokens.validClaims().subject(subject);
        if (clientId != null) {
            claims.claim("azp", clientId);
        }
        return TestTokens.sign(claims.build());
    }

    private RestTestClient.ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private RestTestClient.ResponseSpec resolve(String token, String email) {
        return client.post()
                .uri("/api/v1/resolve")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email))
                .exchange();
    }
}
