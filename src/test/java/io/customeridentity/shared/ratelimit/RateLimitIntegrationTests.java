package io.customeridentity.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import io.customeridentity.support.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits with buckets in memory, in the shared context: the test profile gives every caller budgets no test
 * reaches, and the callers here ({@code rate-test-*}) small ones of their own, refilled once an hour, so that each
 * test spends a budget of its own.
 */
@IntegrationTest
class RateLimitIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    ConfigurableApplicationContext context;

    private final List<RequestRateLimited> refused = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<RequestRateLimited>> listener =
            ApplicationListener.forPayload(refused::add);

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.getBean(
                        AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                        ApplicationEventMulticaster.class)
                .removeApplicationListener(listener);
    }

    @Test
    void refusesACallerOverItsGeneralBudgetWith429AndTheRateLimitHeaders() {
        String token = tokenOf("rate-test-general");
        for (int i = 0; i < 3; i++) {
            get(token, "/api/v1/prefixes").expectStatus().isOk();
        }

        EntityExchangeResult<JsonNode> answer = get(token, "/api/v1/prefixes")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"general\";q=3;w=10800")
                .expectHeader()
                .valueMatches("RateLimit", "\"general\";r=0;t=[0-9]+")
                .expectBody(JsonNode.class)
                .returnResult();

        long retryAfter = Long.parseLong(answer.getResponseHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).as("one request an hour").isBetween(3000L, 3600L);
        assertThat(answer.getResponseHeaders().getFirst("RateLimit")).isEqualTo("\"general\";r=0;t=" + retryAfter);
        JsonNode problem = answer.getResponseBody();
        assertThat(problem.path("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(problem.path("code").asString()).isEqualTo("rate-limited");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("budget").asString()).isEqualTo("general");
        String requestId = answer.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(problem.path("requestId").asString()).isEqualTo(requestId);

        assertThat(refused).singleElement().satisfies(event -> {
            assertThat(event.caller().subject()).isEqualTo("rate-test-general");
            assertThat(event.budget()).isEqualTo(Budget.GENERAL);
            assertThat(event.method()).isEqualTo("GET");
            assertThat(event.path()).isEqualTo("/api/v1/prefixes");
            assertThat(event.requestId()).isEqualTo(requestId);
            assertThat(event.clientIp()).isEqualTo("127.0.0.1");
            assertThat(event.at()).isNotNull();
        });
    }

    @Test
    void aRefusedRequestDoesNothing() {
        String token = tokenOf("rate-test-refused-write");
        get(token, "/api/v1/prefixes").expectStatus().isOk();
        String email = UUID.randomUUID() + "@example.org";

        client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("givenName", "Refused", "email", email))
                .exchange()
                .expectStatus()
                .isEqualTo(429);

        assertThat(new ResolutionApi(client).resolve(Map.of("email", email)).size())
                .as("no customer was registered")
                .isZero();
        assertThat(refused)
                .singleElement()
                .satisfies(event -> assertThat(event.method()).isEqualTo("POST"));
    }

    @Test
    void refusesResolvesOverTheLookupBudget() {
        ResolutionApi resolution = new ResolutionApi(client);
        String email = UUID.randomUUID() + "@example.org";
        resolution.customer(Map.of("email", email));
        String token = tokenOf("rate-test-resolve");

        resolve(token, Map.of("email", email)).expectStatus().isOk();
        resolve(token, Map.of("email", email)).expectStatus().isOk();
        EntityExchangeResult<JsonNode> answer = resolve(token, Map.of("email", email))
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"lookup\";q=2;w=7200")
                .expectHeader()
                .valueMatches("RateLimit", "\"lookup\";r=0;t=[0-9]+")
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody(JsonNode.class)
                .returnResult();

        assertThat(answer.getResponseBody().path("budget").asString()).isEqualTo("lookup");
        assertThat(refused).singleElement().satisfies(event -> {
            assertThat(event.budget()).isEqualTo(Budget.LOOKUP);
            assertThat(event.path()).isEqualTo("/api/v1/resolve");
        });
        // The general budget is untouched by the look-up budget: other operations still answer.
        get(token, "/api/v1/prefixes").expectStatus().isOk();
    }

    @Test
    void aResolveThatMatchesNobodyCostsMoreThanOneThatMatches() {
        ResolutionApi resolution = new ResolutionApi(client);
        String email = UUID.randomUUID() + "@example.org";
        resolution.customer(Map.of("email", email));

        // Both callers have 6 look-up tokens; a match costs 1, a miss 5 (miss-cost).
        int hits = answeredBefore429(tokenOf("rate-test-hits"), () -> Map.of("email", email), "/api/v1/resolve");
        int misses = answeredBefore429(
                tokenOf("rate-test-misses"),
                () -> Map.of("email", UUID.randomUUID() + "@example.org"),
                "/api/v1/resolve");

        assertThat(hits).isEqualTo(6);
        assertThat(misses).isEqualTo(2);
    }

    @Test
    void anAccountResolveThatMatchesNobodyCostsTheMissCost() {
        int misses = answeredBefore429(
                tokenOf("rate-test-account-misses"),
                () -> Map.of(
                        "accountNumber", "ZZ" + UUID.randomUUID().toString().replace("-", "")),
                "/api/v1/accounts/resolve");

        assertThat(misses).isEqualTo(2);
    }

    @Test
    void aCustomerReadAnswered404SpendsTheLookupBudget() {
        String id = new ResolutionApi(client).customer(Map.of());
        String absent = CustomerId.of("BK", "0000000001").value();
        String token = tokenOf("rate-test-not-found");

        for (int i = 0; i < 5; i++) {
            get(token, "/api/v1/customers/" + id).expectStatus().isOk();
        }
        for (int i = 0; i < 3; i++) {
            get(token, "/api/v1/customers/" + absent).expectStatus().isNotFound();
        }

        // Found or not, no customer read is answered until the look-up budget has a token again.
        get(token, "/api/v1/customers/" + id)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"lookup\";q=3;w=10800")
                .expectHeader()
                .valueMatches("RateLimit", "\"lookup\";r=0;t=[0-9]+")
                .expectHeader()
                .valueMatches("Retry-After", "[1-9][0-9]*");
        get(token, "/api/v1/customers/" + absent).expectStatus().isEqualTo(429);
        get(token, "/api/v1/prefixes").expectStatus().isOk();
    }

    @Test
    void listingDuplicatesSpendsTheLookupBudget() {
        String id = new ResolutionApi(client).customer(Map.of());
        String token = tokenOf("rate-test-duplicates");

        get(token, "/api/v1/customers/" + id + "/duplicates").expectStatus().isOk();
        get(token, "/api/v1/customers/" + id + "/duplicates").expectStatus().isOk();
        get(token, "/api/v1/customers/" + id + "/duplicates")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"lookup\";q=2;w=7200");
    }

    @Test
    void aCallerWithoutAnOverrideHasTheDefaultBudgets() {
        String token = tokenOf("rate-test-" + UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            resolve(token, Map.of("email", UUID.randomUUID() + "@example.org"))
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void documentsTheRateLimitAnswerWithItsHeadersOnEveryOperation() {
        JsonNode paths = ApiDocs.read(client, JsonMapper.builder().build()).path("paths");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                JsonNode limited = operation.getValue().path("responses").path("429");
                for (String header : List.of("Retry-After", "RateLimit-Policy", "RateLimit")) {
                    assertThat(limited.at("/headers/" + header + "/required").asBoolean(false))
                            .as(operation.getKey() + " " + path.getKey() + " " + header)
                            .isTrue();
                }
                assertThat(limited.at("/content/application~1problem+json/examples/rate-limited")
                                .isMissingNode())
                        .as(operation.getKey() + " " + path.getKey())
                        .isFalse();
            }
        }
        assertThat(operations).isGreaterThan(20);
    }

    private int answeredBefore429(String token, java.util.function.Supplier<Object> body, String path) {
        for (int answered = 0; answered < 20; answered++) {
            int status = post(token, path, body.get())
                    .expectBody(String.class)
                    .returnResult()
                    .getStatus()
                    .value();
            if (status == 429) {
                return answered;
            }
            assertThat(status).isEqualTo(200);
        }
        throw new AssertionError("never refused");
    }

    static String tokenOf(String subject) {
        return TestTokens.sign(TestTokens.validClaims().subject(subject).build());
    }

    private RestTestClient.ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private RestTestClient.ResponseSpec resolve(String token, Object body) {
        return post(token, "/api/v1/resolve", body);
    }

    private RestTestClient.ResponseSpec post(String token, String path, Object body) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
