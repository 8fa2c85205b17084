package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every place where a request waits for something another request holds, under load on the default pool of 10
 * connections: the shared statements ({@link Batcher}: unkeyed registrations, look-ups of customers the cache does not
 * hold), the idempotency-key locks (many requests with the same few keys), and the advisory locks that serialise an
 * external ID and an account number (many requests for the same few). No request waits for a connection while it
 * holds such a lock, nor holds a connection while it waits for one another request cannot release, so every request
 * answers within 2 s and none with a 5xx.
 */
@IntegrationTest
class LocksUnderLoadIntegrationTests {

    private static final int CLIENTS = 48;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("load.locks-seconds", 10));
    private static final Pattern ID = Pattern.compile("\"id\":\"([A-Z]{2}\\d{11})\"");
    /** Numbers no other test links: the tests share one database, and some resolve numbers expecting nobody. */
    private static final String[] IBANS = {
        "AD1200012030200359100100", "AL47212110090000000235698741", "AT611904300234573201"
    };

    @LocalServerPort
    int port;

    @Test
    void requestsContendingForLocksAndSharedStatementsNeverStall() throws Exception {
        Http http = new Http(port);
        String token = TestTokens.readWrite();
        List<String> seeded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seeded.add(idOf(send(http, token, "POST", "/api/v1/customers", null, "{\"givenName\":\"Seed\"}")));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        Queue<String> unread = new ConcurrentLinkedQueue<>();
        Map<String, Set<Integer>> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong slowestNanos = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                for (long n = client; System.nanoTime() < end; n++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String customer = seeded.get(random.nextInt(seeded.size()));
                    int contended = random.nextInt(4);
                    String kind;
                    String method = "POST";
                    String path;
                    String key = null;
                    String body;
                    switch ((int) (n % 6)) {
                        case 0 -> {
                            kind = "unkeyed registration";
                            path = "/api/v1/customers";
                            body = "{\"givenName\":\"Unkeyed\"}";
                        }
                        case 1 -> {
                            kind = "registration with a contended key";
                            path = "/api/v1/customers";
                            key = run + "-" + contended;
                            body = "{\"givenName\":\"Keyed " + contended + "\"}";
                        }
                        case 2 -> {
                            String fresh = unread.poll();
                            kind = "read of a customer not in the cache";
                            method = "GET";
                            path = "/api/v1/customers/" + (fresh == null ? customer : fresh);
                            body = null;
                        }
                        case 3 -> {
                            kind = "contended external ID";
                            path = "/api/v1/customers/" + customer + "/external-refs";
                            body = "{\"system\":\"locks-" + run + "\",\"externalId\":\"ext-" + contended + "\"}";
                        }
                        case 4 -> {
                            kind = "contended account number";
                            path = "/api/v1/customers/" + customer + "/accounts";
                            body = "{\"accountNumber\":\"" + IBANS[contended % IBANS.length] + "\",\"type\":\"IBAN\"}";
                        }
                        default -> {
                            kind = "contended interaction";
                            path = "/api/v1/customers/" + customer + "/interactions";
                            body = "{\"type\":\"WEB_VISIT\",\"channel\":\"WEB\",\"source\":\"locks-" + run
                                    + "\",\"externalId\":\"visit-" + customer + "-" + contended + "\"}";
                        }
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = send(http, token, method, path, key, body);
                        statuses.computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet())
                                .add(answer.statusCode());
                        if (answer.statusCode() >= 500) {
                            failures.incrementAndGet();
                        }
                        if (n % 6 == 0 && answer.statusCode() == 201) {
                            unread.add(idOf(answer));
                        }
                    } catch (RuntimeException ex) {
                        failures.incrementAndGet();
                    }
                    slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    done.incrementAndGet();
                }
            }));
        }
        clients.shutdown();
        for (Future<?> client : running) {
            client.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
        }

        assertThat(done.get()).as("requests in %s", RUN).isGreaterThan(CLIENTS * 6L);
        assertThat(failures.get())
                .as("5xx or transport failures; statuses %s", statuses)
                .isZero();
        assertThat(Duration.ofNanos(slowestNanos.get()))
                .as("slowest of %d requests", done.get())
                .isLessThan(Duration.ofSeconds(2));
        assertThat(statuses.get("unkeyed registration")).containsOnly(201);
        assertThat(statuses.get("registration with a contended key")).isSubsetOf(201, 409);
        assertThat(statuses.get("read of a customer not in the cache")).containsOnly(200);
        assertThat(statuses.get("contended external ID")).isSubsetOf(200, 201, 409);
        assertThat(statuses.get("contended account number")).isSubsetOf(200, 201);
        assertThat(statuses.get("contended interaction")).isSubsetOf(200, 201);
    }

    private static HttpResponse<String> send(
            Http http, String token, String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build());
    }

    private static String idOf(HttpResponse<String> created) {
        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).as(created.body()).isTrue();
        return id.group(1);
    }
}
