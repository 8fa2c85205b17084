package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.ProxiedService;
import io.customeridentity.support.TestDatabase;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Slow statements and an exhausted pool: statements stuck behind a lock the test holds are cancelled after the
 * statement timeout (10 s), and while they hold every pooled connection, other requests wait at most the connection
 * timeout (3 s); all answer 503 {@code database-unavailable} with {@code Retry-After}, and the service serves again
 * as soon as the lock is gone.
 */
@Tag("fault")
class PoolExhaustionIntegrationTests {

    private static final int POOL = 10;
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Z]{2}\\d{11})\"");

    private final ProxiedService service = ProxiedService.get();
    private final Http http = service.http();
    private final String token = TestTokens.readWrite();

    @Test
    void boundsTheWaitForAConnectionAndForAStatementThenAnswers503() throws Exception {
        String customer = idOf(http.send("POST", "/api/v1/customers", token, "{\"givenName\":\"Pool\"}"));
        String externalId = "held-" + UUID.randomUUID();
        String link = "{\"system\":\"pool\",\"externalId\":\"" + externalId + "\"}";
        ExecutorService clients = Executors.newFixedThreadPool(POOL);
        SingleConnectionDataSource holder = new SingleConnectionDataSource(
                TestDatabase.get().jdbcUrl(),
                TestDatabase.get().username(),
                TestDatabase.get().password(),
                true);
        List<CompletableFuture<Timed>> stuck = new ArrayList<>();
        try {
            // The lock that ExternalRefStore takes for this external ID, held by the test.
            JdbcClient.create(holder)
                    .sql("SELECT pg_advisory_lock(hashtextextended('pool' || chr(31) || :external, 2))")
                    .param("external", externalId)
                    .query()
                    .listOfRows();
            for (int i = 0; i < POOL; i++) {
                stuck.add(CompletableFuture.supplyAsync(
                        () -> timed(() -> post("/api/v1/customers/" + customer + "/external-refs", link, null)),
                        clients));
            }
            awaitConnectionsWaitingForTheLock(POOL);

            Timed read = timed(() -> http.send("GET", "/api/v1/customers/" + customer, token, null));
            Timed unkeyed = timed(() -> post("/api/v1/customers", "{\"givenName\":\"Starved\"}", null));
            Timed keyed =
                    timed(() -> post("/api/v1/customers", "{\"givenName\":\"Starved\"}", "pool-" + UUID.randomUUID()));
            for (Timed starved : List.of(read, unkeyed, keyed)) {
                assertUnavailable(starved);
                assertThat(starved.took())
                        .as("waited for a connection")
                        .isBetween(Duration.ofMillis(2500), Duration.ofSeconds(6));
            }
            for (CompletableFuture<Timed> slow : stuck) {
                Timed answer = slow.get(30, TimeUnit.SECONDS);
                assertUnavailable(answer);
                assertThat(answer.took())
                        .as("statement cancelled")
                        .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(15));
            }
        } finally {
            holder.destroy();
            clients.shutdownNow();
        }

        assertThat(post("/api/v1/customers/" + customer + "/external-refs", link, null)
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("/api/v1/customers", "{\"givenName\":\"Served\"}", null).statusCode())
                .isEqualTo(201);
    }

    private void awaitConnectionsWaitingForTheLock(int connections) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (service.admin()
                        .sql("""
                                SELECT count(*) FROM pg_stat_activity
                                WHERE application_name = :name AND wait_event_type = 'Lock'""")
                        .param("name", service.applicationName())
                        .query(Long.class)
                        .single()
                < connections) {
            assertThat(System.nanoTime()).as("every pooled connection waiting").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void assertUnavailable(Timed timed) {
        assertThat(timed.answer().statusCode()).as(timed.answer().body()).isEqualTo(503);
        assertThat(timed.answer().body()).contains("\"code\":\"database-unavailable\"");
        assertThat(timed.answer().headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build());
    }

    private static Timed timed(Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        HttpResponse<String> answer = request.get();
        return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String idOf(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as("%d %s", created.statusCode(), created.body()).isTrue();
        return id.group(1);
    }

    private record Timed(HttpResponse<String> answer, Duration took) {}
}
