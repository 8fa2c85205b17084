package io.customeridentity.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.support.TestDatabase;
import io.customeridentity.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed's promise under load: 20 writers register, patch and merge customers concurrently while one consumer
 * follows the cursor with small pages and another long-polls, and the service restarts in the middle. Both consumers
 * see exactly the committed events, each once, in one order, with every customer's events in commit order.
 * {@code -Dfeed.load.seconds=N} runs the writers longer (default 4 s, half before the restart, half after).
 */
class FeedUnderLoadIntegrationTests {

    private static final int WRITERS = 20;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("feed.load.seconds", 4));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = TestTokens.readWrite();
    private volatile String base;

    /** What the writers were told committed. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    private final Set<String> patched = ConcurrentHashMap.newKeySet(); // id + "@" + version
    private final Set<String> merges = ConcurrentHashMap.newKeySet();
    private final Set<String> reversals = ConcurrentHashMap.newKeySet();
    private final Map<String, String> inForce = new ConcurrentHashMap<>(); // merge id -> survivor
    private final List<String> active = new CopyOnWriteArrayList<>();

    @Test
    void everyCommittedEventExactlyOnceInCommitOrderPerCustomerAcrossARestart() throws Exception {
        ConfigurableApplicationContext service = start();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            String start = headCursor();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicBoolean written = new AtomicBoolean(false); // every writer returned: what follows is final
            AtomicInteger failures = new AtomicInteger();
            Consumer smallPages = new Consumer(start, 7, 0);
            Consumer longPoll = new Consumer(start, 100, 2);
            List<Future<?>> consumers =
                    List.of(pool.submit(() -> smallPages.follow(written)), pool.submit(() -> longPoll.follow(written)));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(17L * w);
                writers.add(pool.submit(() -> write(random, writing, failures)));
            }

            Thread.sleep(RUN.toMillis() / 2);
            service.close(); // the restart: writers and consumers see refused connections meanwhile
            service = start();
            Thread.sleep(RUN.toMillis() / 2);
            writing.set(false);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            written.set(true);
            for (Future<?> consumer : consumers) {
                consumer.get(60, TimeUnit.SECONDS);
            }

            List<Stored> stored = storedAfter(positionOf(start));
            assertThat(stored).as("events written").hasSizeGreaterThan(WRITERS);
            assertThat(smallPages.ids()).as("small pages").containsExactlyElementsOf(ids(stored));
            assertThat(longPoll.ids()).as("long poll").containsExactlyElementsOf(ids(stored));
            assertCommitOrderPerCustomer(smallPages.events);
            assertWritersSuccessesAreEvents(smallPages.events);
        } finally {
            pool.shutdownNow();
            service.close();
        }
    }

    private ConfigurableApplicationContext start() {
        TestDatabase database = TestDatabase.get();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CustomerIdentityApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "spring.lifecycle.timeout-per-shutdown-phase=5s")
                .run();
        base = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        return context;
    }

    // ---- writers

    private void write(Random random, AtomicBoolean writing, AtomicInteger failures) {
        while (writing.get()) {
            try {
                int dice = random.nextInt(10);
                if (dice < 4 || active.size() < 4) {
                    register();
                } else if (dice < 8) {
                    patch(active.get(random.nextInt(active.size())), random);
                } else if (dice == 9 && !inForce.isEmpty()) {
                    reverse(List.copyOf(inForce.keySet()).get(random.nextInt(inForce.size())));
                } else {
                    merge(active.get(random.nextInt(active.size())), active.get(random.nextInt(active.size())));
                }
            } catch (IOException ex) {
                failures.incrementAndGet(); // the restart
                pause(50);
            }
        }
    }

    private void register() throws IOException {
        HttpResponse<String> created = send("POST", "/api/v1/customers", null, Map.of("givenName", "Load"));
        if (created.statusCode() == 201) {
            String id = JSON.readTree(created.body()).path("id").asString();
            registered.add(id);
            active.add(id);
        }
    }

    private void patch(String id, Random random) throws IOException {
        HttpResponse<String> current = send("GET", "/api/v1/customers/" + id, null, null);
        if (current.statusCode() != 200) {
            return;
        }
        int version = JSON.readTree(current.body()).path("version").asInt();
        HttpResponse<String> changed = send(
                "PATCH",
                "/api/v1/customers/" + id,
                "\"" + version + "\"",
                Map.of("givenName", "Load " + random.nextInt(1_000_000)));
        if (changed.statusCode() == 200) {
            patched.add(id + "@" + JSON.readTree(changed.body()).path("version").asInt());
        }
    }

    private void merge(String survivor, String merged) throws IOException {
        if (survivor.equals(merged)) {
            return;
        }
        HttpResponse<String> current = send("GET", "/api/v1/customers/" + survivor, null, null);
        if (current.statusCode() != 200) {
            return;
        }
        int version = JSON.readTree(current.body()).path("version").asInt();
        HttpResponse<String> done = send(
                "POST",
                "/api/v1/customers/" + survivor + "/merges",
                "\"" + version + "\"",
                Map.of("mergedCustomerId", merged, "reason", "load"));
        if (done.statusCode() / 100 == 2) {
            String mergeId = JSON.readTree(done.body()).path("mergeId").asString();
            merges.add(mergeId);
            active.remove(merged);
            inForce.put(mergeId, survivor);
        }
    }

    private void reverse(String mergeId) throws IOException {
        String survivor = inForce.remove(mergeId);
        if (survivor == null) {
            return;
        }
        HttpResponse<String> done = send(
                "POST",
                "/api/v1/customers/" + survivor + "/merges/" + mergeId + "/reversal",
                null,
                Map.of("reason", "load"));
        if (done.statusCode() / 100 == 2) {
            reversals.add(mergeId);
            active.add(JSON.readTree(done.body()).path("mergedCustomerId").asString());
        }
    }

    private HttpResponse<String> send(String method, String path, String ifMatch, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException(ex);
        }
    }

    // ---- consumers

    /** Follows the feed from a cursor it stores only after processing a page, as the README tells consumers to. */
    private final class Consumer {

        final List<JsonNode> events = new ArrayList<>();
        final int limit;
        final int waitSeconds;
        String cursor;

        Consumer(String cursor, int limit, int waitSeconds) {
            this.cursor = cursor;
            this.limit = limit;
            this.waitSeconds = waitSeconds;
        }

        void follow(AtomicBoolean written) {
            boolean caughtUpAfterWriting = false;
            while (!caughtUpAfterWriting) {
                boolean done = written.get() && nothingUnpositioned();
                if (written.get() && !done) {
                    pause(50);
                }
                try {
                    HttpResponse<String> page = send(
                            "GET",
                            "/api/v1/events?limit=" + limit + "&wait=" + (done ? 0 : waitSeconds) + "&after=" + cursor,
                            null,
                            null);
                    if (page.statusCode() != 200) {
                        pause(20);
                        continue;
                    }
                    JsonNode body = JSON.readTree(page.body());
                    body.path("items").forEach(events::add);
                    cursor = body.path("nextCursor").asString();
                    caughtUpAfterWriting = done && body.path("items").isEmpty();
                    if (waitSeconds == 0) {
                        pause(5);
                    }
                } catch (IOException ex) {
                    pause(50); // the restart
                }
            }
        }

        List<String> ids() {
            return events.stream().map(event -> event.path("id").asString()).toList();
        }
    }

    private String headCursor() throws IOException {
        String cursor = null;
        while (true) {
            HttpResponse<String> page =
                    send("GET", "/api/v1/events?limit=1000" + (cursor == null ? "" : "&after=" + cursor), null, null);
            JsonNode body = JSON.readTree(page.body());
            cursor = body.path("nextCursor").asString();
            if (body.path("items").isEmpty()) {
                return cursor;
            }
        }
    }

    // ---- checks

    private void assertCommitOrderPerCustomer(List<JsonNode> events) {
        Map<String, List<JsonNode>> bySubject = new HashMap<>();
        for (JsonNode event : events) {
            bySubject
                    .computeIfAbsent(event.path("subject").asString(), key -> new ArrayList<>())
                    .add(event);
        }
        bySubject.forEach((subject, own) -> {
            int version = 0;
            boolean merged = false;
            for (JsonNode event : own) {
                String type = event.path("type").asString();
                JsonNode data = event.path("data");
                switch (type) {
                    case "customer.registered" -> {
                        assertThat(version).as("%s registered first", subject).isZero();
                        version = 1;
                    }
                    case "customer.updated" -> {
                        // Not "never while merged": a patch that read the customer as active before a merge
                        // committed may still commit after it (ProfileChanges checks the status without a lock).
                        assertThat(data.path("version").asInt())
                                .as("%s versions in commit order", subject)
                                .isEqualTo(version + 1);
                        version++;
                    }
                    case "customer.merged" -> {
                        assertThat(version)
                                .as("%s merged before registered", subject)
                                .isPositive();
                        assertThat(merged).as("%s merged twice", subject).isFalse();
                        merged = true;
                    }
                    case "customer.merge_reversed" -> {
                        assertThat(merged)
                                .as("%s reversed while not merged", subject)
                                .isTrue();
                        merged = false;
                    }
                    default -> throw new AssertionError("unexpected event " + event);
                }
            }
        });
    }

    private void assertWritersSuccessesAreEvents(List<JsonNode> events) {
        Set<String> seenRegistered = new HashSet<>();
        Set<String> seenPatched = new HashSet<>();
        Set<String> seenMerges = new HashSet<>();
        Set<String> seenReversals = new HashSet<>();
        for (JsonNode event : events) {
            JsonNode data = event.path("data");
            switch (event.path("type").asString()) {
                case "customer.registered" ->
                    seenRegistered.add(data.path("customerId").asString());
                case "customer.updated" ->
                    seenPatched.add(data.path("customerId").asString() + "@"
                            + data.path("version").asInt());
                case "customer.merged" -> seenMerges.add(data.path("mergeId").asString());
                case "customer.merge_reversed" ->
                    seenReversals.add(data.path("mergeId").asString());
                default -> {}
            }
        }
        assertThat(seenRegistered).containsAll(registered);
        assertThat(seenPatched).containsAll(patched);
        assertThat(seenMerges).containsAll(merges);
        assertThat(seenReversals).containsAll(reversals);
        assertThat(merges).as("merges happened").isNotEmpty();
        assertThat(patched).as("patches happened").isNotEmpty();
    }

    // ---- the database, for the ground truth

    private record Stored(long position, String id) {}

    private static List<Stored> storedAfter(long position) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT position, event_id FROM events WHERE position > " + position + " ORDER BY position")) {
            List<Stored> stored = new ArrayList<>();
            while (rows.next()) {
                stored.add(new Stored(rows.getLong(1), rows.getString(2)));
            }
            return stored;
        }
    }

    /** Whether the sequencer gave every written event its position; asked only once the writers are done. */
    private static synchronized boolean nothingUnpositioned() {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM events WHERE position IS NULL")) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException ex) {
            return false;
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static List<String> ids(List<Stored> stored) {
        return stored.stream().map(Stored::id).toList();
    }

    private static long positionOf(String cursor) {
        String plain = new String(java.util.Base64.getUrlDecoder().decode(cursor));
        return Long.parseLong(plain.substring(plain.indexOf('|') + 1));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static {
        UUID.randomUUID(); // warm the secure random before the writers start
    }
}
