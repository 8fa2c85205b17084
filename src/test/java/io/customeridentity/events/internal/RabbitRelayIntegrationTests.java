package io.customeridentity.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.support.TestDatabase;
import io.customeridentity.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay to the real RabbitMQ on {@code TEST_RABBITMQ_HOST} (default 127.0.0.1:5672, guest/guest; {@code .ci/run}
 * starts it): two service instances, only one ever relaying; every event delivered, in feed order (first
 * deliveries, deduplicated by message id), across a broker restart and the relaying instance stopping.
 */
class RabbitRelayIntegrationTests {

    private static final String HOST = System.getenv().getOrDefault("TEST_RABBITMQ_HOST", "127.0.0.1");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String exchange = "customer-identity.events.test-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = TestTokens.readWrite();

    @Test
    void deliversEveryEventInFeedOrderFromOneInstanceAcrossABrokerRestartAndAFailover() throws Exception {
        ConnectionFactory broker = new ConnectionFactory();
        broker.setHost(HOST);
        broker.setUsername("guest");
        broker.setPassword("guest");
        broker.setAutomaticRecoveryEnabled(true);
        String queue = "relay-test-" + UUID.randomUUID();
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        AtomicBoolean bothRelayed = new AtomicBoolean();
        AtomicBoolean watching = new AtomicBoolean(true);
        try (Connection connection = broker.newConnection()) { // closed before the broker restarts
            Channel setup = connection.createChannel();
            setup.exchangeDeclare(exchange, "topic", true);
            setup.queueDeclare(queue, true, false, false, null);
            setup.queueBind(queue, exchange, "#");
        }
        try {
            instances.add(start());
            instances.add(start());
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    long relaying = 0;
                    for (ConfigurableApplicationContext instance : List.copyOf(instances)) {
                        try {
                            relaying += instance.getBean(RabbitRelay.class).relaying() ? 1 : 0;
                        } catch (RuntimeException closed) {
                            // the instance stopped: it relays no more
                        }
                    }
                    if (relaying > 1) {
                        bothRelayed.set(true);
                    }
                    pause(20);
                }
            });
            watcher.start();
            long start = headPosition();

            register(instances.get(0), 20);
            Thread restart = new Thread(() -> {
                try {
                    restartBroker();
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            restart.start(); // while the next events are written and relayed
            register(instances.get(1), 20);
            restart.join();
            ConfigurableApplicationContext leader = instances.stream()
                    .filter(instance -> instance.getBean(RabbitRelay.class).relaying())
                    .findFirst()
                    .orElseThrow();
            leader.close();
            ConfigurableApplicationContext survivor = instances.stream()
                    .filter(ConfigurableApplicationContext::isActive)
                    .findFirst()
                    .orElseThrow();
            register(survivor, 20);

            List<String> expected = eventIdsAfter(start);
            List<String> delivered = firstDeliveries(broker, queue, expected.size(), Duration.ofSeconds(60));
            watching.set(false);
            watcher.join();

            assertThat(expected).hasSizeGreaterThanOrEqualTo(60);
            assertThat(delivered).as("first deliveries in feed order").containsExactlyElementsOf(expected);
            assertThat(bothRelayed).as("two instances relayed at once").isFalse();
        } finally {
            watching.set(false);
            instances.forEach(ConfigurableApplicationContext::close);
            try (Connection connection = broker.newConnection()) {
                Channel cleanup = connection.createChannel();
                cleanup.queueDelete(queue);
                cleanup.exchangeDelete(exchange);
            }
        }
    }

    private ConfigurableApplicationContext start() {
        TestDatabase database = TestDatabase.get();
        return new SpringApplicationBuilder(CustomerIdentityApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "spring.lifecycle.timeout-per-shutdown-phase=5s",
                        "spring.rabbitmq.host=" + HOST,
                        "spring.rabbitmq.port=5672",
                        "spring.rabbitmq.username=guest",
                        "spring.rabbitmq.password=guest",
                        "customer-identity.events.rabbitmq.enabled=true",
                        "customer-identity.events.rabbitmq.exchange=" + exchange,
                        "customer-identity.events.rabbitmq.batch-size=7",
                        "customer-identity.events.rabbitmq.interval=200ms")
                .run();
    }

    /** Registers customers through the instance, each patched once: two events per customer. */
    private void register(ConfigurableApplicationContext instance, int customers) throws Exception {
        String base = "http://127.0.0.1:" + instance.getEnvironment().getRequiredProperty("local.server.port");
        for (int i = 0; i < customers; i++) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Relay\"}")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asString();
            HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/" + id))
                    .header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", "\"1\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Relayed\"}")));
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops and starts the broker's application (the node keeps its durable queue and persistent messages). */
    private static void restartBroker() throws Exception {
        run("rabbitmqctl", "stop_app");
        pause(1_000);
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    /** Message ids in the order first delivered, until {@code count} distinct ones arrived or the time is up. */
    private static List<String> firstDeliveries(ConnectionFactory broker, String queue, int count, Duration timeout)
            throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        AtomicInteger duplicates = new AtomicInteger();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = broker.newConnection()) {
            Channel channel = connection.createChannel();
            while (seen.size() < count && System.nanoTime() < deadline) {
                GetResponse message = channel.basicGet(queue, true);
                if (message == null) {
                    pause(50);
                    continue;
                }
                String id = message.getProps().getMessageId();
                JsonNode event = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
                assertThat(event.path("id").asString()).isEqualTo(id);
                assertThat(message.getEnvelope().getRoutingKey())
                        .isEqualTo(event.path("type").asString());
                assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
                if (!seen.add(id)) {
                    duplicates.incrementAndGet();
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private static long headPosition() throws Exception {
        try (java.sql.Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT last_position FROM event_feed_head")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The events after the position in feed order, once the sequencer positioned every one written. */
    private static List<String> eventIdsAfter(long position) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (java.sql.Connection connection = connect();
                Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet pending = statement.executeQuery("SELECT count(*) FROM events WHERE position IS NULL")) {
                    pending.next();
                    if (pending.getLong(1) == 0) {
                        break;
                    }
                }
                pause(100);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT event_id FROM events WHERE position > " + position + " ORDER BY position")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static java.sql.Connection connect() throws Exception {
        TestDatabase database = TestDatabase.get();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
