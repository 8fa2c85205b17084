package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.ProxiedService;
import io.customeridentity.support.TcpProxy;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back: requests fail fast with a 503 {@code database-unavailable} and a
 * {@code Retry-After} instead of hanging or answering 500, readiness says DOWN promptly, the service recovers by
 * itself, and a registration retried with its {@code Idempotency-Key} after the outage is stored exactly once. The
 * fault tests' own instance ({@link ProxiedService}), connected to the test database through a proxy the test cuts.
 */
@Tag("fault")
class DatabaseOutageIntegrationTests {

    private final ProxiedService service = ProxiedService.get();
    private final TcpProxy proxy = service.proxy();
    private final Http http = service.http();
    private final String token = TestTokens.readWrite();

    @AfterEach
    void restoreTheDatabase() {
        proxy.restore();
    }

    @Test
    void failsFastDuringAnOutageRecoversAndNeverDuplicatesARetriedRegistration() throws Exception {
        assertThat(register(UUID.randomUUID().toString(), "before-" + UUID.randomUUID() + "@example.org")
                        .statusCode())
                .isEqualTo(201);
        assertThat(http.send("GET", "/actuator/health/readiness", null, null).statusCode())
                .isEqualTo(200);

        proxy.cut();
        String key = UUID.randomUUID().toString();
        String email = "outage-" + UUID.randomUUID() + "@example.org";
        long start = System.nanoTime();
        HttpResponse<String> during = register(key, email);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.body()).contains("\"code\":\"database-unavailable\"");
        assertThat(during.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        start = System.nanoTime();
        HttpResponse<String> readiness = http.send("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));

        proxy.restore();
        HttpResponse<String> retried = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            retried = register(key, email);
            if (retried.statusCode() != 503) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(register(key, email).statusCode()).as("a replay").isEqualTo(201);
        HttpResponse<String> matches = http.send("POST", "/api/v1/resolve", token, "{\"email\":\"" + email + "\"}");
        assertThat(matches.body().split("\"customerId\"", -1)).hasSize(2);
    }

    @Test
    void answersNo500WhenTheDatabaseTerminatesTheServicesConnections() {
        for (int round = 0; round < 3; round++) {
            service.terminateConnections();
            int unavailable = 0;
            int last = 0;
            for (int i = 0; i < 20; i++) {
                last = register(UUID.randomUUID().toString(), "terminated-" + UUID.randomUUID() + "@example.org")
                        .statusCode();
                assertThat(last).as("round %d, request %d", round, i).isIn(201, 503);
                if (last == 503) {
                    unavailable++;
                }
            }
            // At most one failure per pooled connection the database killed, then the pool has replaced them.
            assertThat(unavailable).as("503s in round %d", round).isLessThanOrEqualTo(10);
            assertThat(last).as("round %d recovered", round).isEqualTo(201);
        }
    }

    private HttpResponse<String> register(String key, String email) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/customers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Outage\",\"email\":\"" + email + "\"}"))
                .build());
    }
}
