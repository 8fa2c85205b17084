package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.support.Http;
import io.customeridentity.support.TcpProxy;
import io.customeridentity.support.TestDatabase;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away and comes back: requests fail fast with a 503 {@code database-unavailable} and a
 * {@code Retry-After} instead of hanging or answering 500, readiness says DOWN promptly, the service recovers by
 * itself, and a registration retried with its {@code Idempotency-Key} after the outage is stored exactly once. An
 * instance of its own, connected to the test database through a proxy the test cuts.
 */
@Tag("fault")
class DatabaseOutageIntegrationTests {

    private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
    private static final String APPLICATION_NAME = "outage-test-" + UUID.randomUUID();

    static TcpProxy proxy;
    static ConfigurableApplicationContext service;
    static Http http;
    static String token;

    @BeforeAll
    static void startBehindProxy() {
        TestDatabase database = TestDatabase.get();
        Matcher hostPort = HOST_PORT.matcher(database.jdbcUrl());
        assertThat(hostPort.find()).as(database.jdbcUrl()).isTrue();
        proxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        String proxied = hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
        service = new SpringApplicationBuilder(CustomerIdentityApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + proxied,
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION_NAME,
                        "customer-identity.cache.customers.max-size=0")
                .run();
        http = new Http(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        token = TestTokens.readWrite();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
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
        JdbcClient admin = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                TestDatabase.get().jdbcUrl(),
                TestDatabase.get().username(),
                TestDatabase.get().password()));
        for (int round = 0; round < 3; round++) {
            admin.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name")
                    .param("name", APPLICATION_NAME)
                    .query()
                    .listOfRows();
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

    private static HttpResponse<String> register(String key, String email) {
        return http.send(HttpRequest.newBuilder(http.uri("/api/v1/customers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Outage\",\"email\":\"" + email + "\"}"))
                .build());
    }
}
