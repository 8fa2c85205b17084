package io.customeridentity.privacy.internal.audit;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.support.TestDatabase;
import io.customeridentity.support.TestDatabaseConfiguration;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.wire.WireRecorder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The reads' queue at its limits, each on an instance of its own: a graceful shutdown writes every read it still
 * holds, and a queue that stays full, or whose oldest read waits too long, refuses reads with 503 audit-unavailable
 * instead of answering them unaudited.
 */
class ReadAuditQueueIntegrationTests {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void writesTheQueuedReadsWhenTheApplicationStops() throws Exception {
        ConfigurableApplicationContext app = instance();
        RestTestClient http = clientOf(app);
        String id = register(http);
        ReadAuditQueue queue = app.getBean(ReadAuditQueue.class);
        queue.pause();
        for (int i = 1; i <= 3; i++) {
            read(http, id, "drain-" + run + "-" + i).expectStatus().isOk();
        }
        assertThat(queue.depth()).isEqualTo(3);
        assertThat(stored("drain-" + run + "-%")).isZero();

        app.close();

        assertThat(stored("drain-" + run + "-%")).isEqualTo(3);
    }

    @Test
    void refusesReadsWith503WhileTheQueueStaysFull() throws Exception {
        try (ConfigurableApplicationContext app =
                instance("--customer-identity.audit.queue-capacity=2", "--customer-identity.audit.max-wait=200ms")) {
            RestTestClient http = clientOf(app);
            String id = register(http);
            ReadAuditQueue queue = app.getBean(ReadAuditQueue.class);
            queue.pause();
            read(http, id, "full-" + run + "-1").expectStatus().isOk();
            read(http, id, "full-" + run + "-2").expectStatus().isOk();

            JsonNode problem = read(http, id, "full-" + run + "-3")
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists("Retry-After")
                    .expectHeader()
                    .doesNotExist("ETag")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(problem.path("code").asString()).isEqualTo("audit-unavailable");
            assertThat(problem.path("type").asString()).isEqualTo("/problems/audit-unavailable");
            assertThat(problem.has("givenName")).isFalse();

            queue.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> stored("full-" + run + "-%") == 2);
            read(http, id, "full-" + run + "-4").expectStatus().isOk();
            await().atMost(Duration.ofSeconds(10)).until(() -> stored("full-" + run + "-%") == 3);
            assertThat(stored("full-" + run + "-3")).isZero();
        }
    }

    @Test
    void refusesReadsOnceTheOldestUnwrittenReadIsTooOld() throws Exception {
        try (ConfigurableApplicationContext app =
                instance("--customer-identity.audit.max-age=300ms", "--customer-identity.audit.max-wait=100ms")) {
            RestTestClient http = clientOf(app);
            String id = register(http);
            ReadAuditQueue queue = app.getBean(ReadAuditQueue.class);
            queue.pause();
            read(http, id, "old-" + run + "-1").expectStatus().isOk();
            Thread.sleep(600);

            read(http, id, "old-" + run + "-2").expectStatus().isEqualTo(503);
            assertThat(queue.depth()).isEqualTo(1);

            queue.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> stored("old-" + run + "-%") == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> read(http, id, "old-" + run + "-3")
                                    .returnResult()
                                    .getStatus()
                                    .value()
                            == 200);
        }
    }

    /** {@code --name=value} arguments: they outrank application.properties, as default properties would not. */
    private static ConfigurableApplicationContext instance(String... arguments) {
        return new SpringApplicationBuilder(CustomerIdentityApplication.class, TestDatabaseConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run(arguments);
    }

    private static RestTestClient clientOf(ConfigurableApplicationContext instance) {
        int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(WireRecorder.interceptor())
                .build();
    }

    private static String register(RestTestClient http) {
        return http.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(aCustomer().build())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    private static RestTestClient.ResponseSpec read(RestTestClient http, String id, String requestId) {
        return http.get()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("X-Request-Id", requestId)
                .exchange();
    }

    /** Read rows with matching request ids, counted on a connection of the test's own (the app may be gone). */
    private static int stored(String requestIds) throws Exception {
        TestDatabase database = TestDatabase.get();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM audit_events WHERE action = 'customer.read' AND request_id LIKE ?")) {
            count.setString(1, requestIds);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
