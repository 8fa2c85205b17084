package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.ProxiedService;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Shared statements (group commit) and interaction writes while the database terminates the service's connections and
 * then becomes unreachable for a while, under a steady load of unkeyed registrations (which share statements) and
 * interactions. Afterwards the database, read by SQL, holds exactly the registrations that were answered 201: none
 * acknowledged is missing, none answered with an error (or not answered in time) was stored, before or after its
 * answer. Every interaction answered 201 is stored, and one retried with its {@code (source, externalId)} after the
 * faults is stored once. Every failure is a 503 with {@code Retry-After}, never a 500.
 */
@Tag("fault")
class SharedWriteFaultsIntegrationTests {

    private static final int CLIENTS = 24;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("fault.seconds", 10));
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Z]{2}\\d{11})\"");

    private final ProxiedService service = ProxiedService.get();
    private final Http http = service.http();
    private final String actor = "fault-writer-" + UUID.randomUUID();
    private final String token =
            TestTokens.sign(TestTokens.validClaims().subject(actor).build());
    private final String source = "faults-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void acknowledgesExactlyTheWritesThatAreStoredThroughConnectionKillsAndAnOutage() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(idOf(
                    http.send("POST", "/api/v1/customers", TestTokens.readWrite(), "{\"givenName\":\"Visitor\"}")));
        }
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> interactionsAcknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> interactionsToRetry = new ConcurrentHashMap<>();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicLong failures = new AtomicLong();
        AtomicLong withoutRetryAfter = new AtomicLong();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (long n = client; System.nanoTime() < end; n++) {
                    boolean registration = n % 2 == 0;
                    String externalId = "visit-" + client + "-" + n;
                    String customer = customers.get((int) (n % customers.size()));
                    HttpResponse<String> answer;
                    try {
                        answer = registration ? register() : recordVisit(customer, externalId);
                    } catch (RuntimeException timedOutOrRefused) {
                        failures.incrementAndGet();
                        if (!registration) {
                            interactionsToRetry.put(externalId, customer);
                        }
                        continue;
                    }
                    statuses.add(answer.statusCode());
                    if (answer.statusCode() == 201) {
                        (registration ? acknowledged : interactionsAcknowledged)
                                .add(registration ? idOf(answer) : externalId);
                    } else {
                        failures.incrementAndGet();
                        if (answer.headers().firstValue("Retry-After").isEmpty()) {
                            withoutRetryAfter.incrementAndGet();
                        }
                        if (!registration) {
                            interactionsToRetry.put(externalId, customer);
                        }
                    }
                }
            }));
        }
        injectFaults();
        clients.shutdown();
        for (Future<?> client : running) {
            client.get(RUN.toSeconds() + CLIENT_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        }
        service.awaitReady(Duration.ofSeconds(30));
        for (Map.Entry<String, String> retry : interactionsToRetry.entrySet()) {
            HttpResponse<String> again = recordVisit(retry.getValue(), retry.getKey());
            assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
        }

        assertThat(failures.get()).as("the faults failed some requests").isPositive();
        assertThat(statuses).as("answers").isSubsetOf(201, 503);
        assertThat(withoutRetryAfter.get()).as("503s without Retry-After").isZero();
        assertThat(storedRegistrations()).as("registrations stored").isEqualTo(acknowledged);
        assertThat(storedInteractionCounts().keySet())
                .as("interactions stored")
                .containsAll(interactionsAcknowledged)
                .containsAll(interactionsToRetry.keySet());
        assertThat(new HashSet<>(storedInteractionCounts().values()))
                .as("copies of each interaction")
                .containsOnly(1L);
    }

    /** Three rounds of terminated connections, then the database unreachable for 2 s, spread over the run. */
    private void injectFaults() throws InterruptedException {
        long step = RUN.toMillis() / 6;
        for (int round = 0; round < 3; round++) {
            Thread.sleep(step);
            service.terminateConnections();
        }
        Thread.sleep(step);
        service.proxy().cut();
        try {
            Thread.sleep(2000);
        } finally {
            service.proxy().restore();
        }
    }

    private Set<String> storedRegistrations() {
        return new HashSet<>(service.admin()
                .sql("""
                        SELECT c.id FROM customers c
                        JOIN customer_versions v ON v.customer_id = c.id AND v.version = 1
                        JOIN customer_data_keys k ON k.key_id = v.data_key_id
                        WHERE v.recorded_by = :actor""")
                .param("actor", actor)
                .query(String.class)
                .list());
    }

    private Map<String, Long> storedInteractionCounts() {
        Map<String, Long> counts = new HashMap<>();
        service.admin()
                .sql("SELECT external_id, count(*) FROM interactions WHERE source = :source GROUP BY external_id")
                .param("source", source)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private HttpResponse<String> register() {
        return post("/api/v1/customers", "{\"givenName\":\"Fault\",\"familyName\":\"Writer\"}");
    }

    private HttpResponse<String> recordVisit(String customer, String externalId) {
        return post(
                "/api/v1/customers/" + customer + "/interactions",
                "{\"type\":\"WEB_VISIT\",\"channel\":\"WEB\",\"source\":\"" + source + "\",\"externalId\":\""
                        + externalId + "\"}");
    }

    private HttpResponse<String> post(String path, String body) {
        return http.send(HttpRequest.newBuilder(http.uri(path))
                .timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static String idOf(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as("%d %s", created.statusCode(), created.body()).isTrue();
        return id.group(1);
    }
}
