package io.customeridentity.customer.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestDatabaseConfiguration;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.wire.WireRecorder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reads of a customer are served from memory, and every instance forgets a customer as soon as any instance changes
 * it, also after its listening connection was dropped.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerCacheIntegrationTests {

    private static final Duration NOTIFICATION_DELAY = Duration.ofSeconds(10);

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    CustomerCache cache;

    CustomerApi api;
    CustomerApi otherInstance;
    ConfigurableApplicationContext second;

    @BeforeAll
    void startAnotherInstance() {
        api = new CustomerApi(client);
        second = new SpringApplicationBuilder(CustomerIdentityApplication.class, TestDatabaseConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
        int port = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        otherInstance = new CustomerApi(RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(WireRecorder.interceptor())
                .build());
        await().atMost(NOTIFICATION_DELAY).until(cache::isOpen);
    }

    @AfterAll
    void stopAnotherInstance() {
        second.close();
    }

    @Test
    void servesRepeatedReadsFromMemoryUntilTheCustomerChanges() {
        assertServedFromMemoryUntilChanged(registeredAndRead());
    }

    @Test
    void seesAChangeMadeThroughAnotherInstance() {
        String id = registeredAndRead();

        otherInstance.patched(id, 1, Map.of("givenName", "Changed"));

        await().atMost(NOTIFICATION_DELAY).untilAsserted(() -> {
            JsonNode customer = api.json("/api/v1/customers/" + id);
            assertThat(customer.path("version").asInt()).isEqualTo(2);
            assertThat(customer.path("givenName").asString()).isEqualTo("Changed");
        });
    }

    @Test
    void forgetsAnErasedCustomerOnEveryInstanceAtOnce() {
        String id = registeredAndRead();
        assertThat(otherInstance
                        .json("/api/v1/customers/" + id)
                        .path("givenName")
                        .asString())
                .as("the other instance holds the customer")
                .isEqualTo("Cached");

        client.post()
                .uri("/api/v1/customers/{id}/erasure", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "Art. 17 request"))
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode here = api.json("/api/v1/customers/" + id);
        assertThat(here.path("status").asString()).isEqualTo("ERASED");
        assertThat(here.has("givenName")).isFalse();
        await().atMost(NOTIFICATION_DELAY).untilAsserted(() -> {
            JsonNode there = otherInstance.json("/api/v1/customers/" + id);
            assertThat(there.path("status").asString()).isEqualTo("ERASED");
            assertThat(there.has("givenName")).isFalse();
        });
    }

    @Test
    void readsItsOwnWritesAtOnce() {
        String id = registeredAndRead();

        api.patched(id, 1, Map.of("givenName", "Mine"));

        assertThat(api.json("/api/v1/customers/" + id).path("givenName").asString())
                .isEqualTo("Mine");
    }

    @Test
    void keepsForgettingChangedCustomersAfterItsListeningConnectionWasDropped() {
        jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name")
                .param("name", CustomerChangeListener.APPLICATION_NAME)
                .query(Boolean.class)
                .list();
        await().atMost(NOTIFICATION_DELAY).until(() -> cache.isOpen() && listeners() == 2);

        assertServedFromMemoryUntilChanged(registeredAndRead());
    }

    /** A change nobody hears of is missed (the read came from memory); a change any instance makes is not. */
    private void assertServedFromMemoryUntilChanged(String id) {
        changeStatusWithoutNotification(id, "MERGED");
        assertThat(status(id)).as("served from memory").isEqualTo("ACTIVE");

        jdbc.sql("UPDATE customers SET status = 'MERGED' WHERE id = :id")
                .param("id", id)
                .update();
        await().atMost(NOTIFICATION_DELAY)
                .untilAsserted(() -> assertThat(status(id)).isEqualTo("MERGED"));
    }

    private String registeredAndRead() {
        String id = api.created(Map.of("givenName", "Cached", "familyName", "Customer"))
                .path("id")
                .asString();
        assertThat(status(id)).isEqualTo("ACTIVE");
        return id;
    }

    private String status(String id) {
        return api.json("/api/v1/customers/" + id).path("status").asString();
    }

    /** A change no instance hears about (triggers off for this transaction): only a read from memory misses it. */
    private void changeStatusWithoutNotification(String id, String status) {
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE customers SET status = :status WHERE id = :id")
                    .param("status", status)
                    .param("id", id)
                    .update();
        });
    }

    private int listeners() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"
                        + " AND datname = current_database()")
                .param("name", CustomerChangeListener.APPLICATION_NAME)
                .query(Integer.class)
                .single();
    }
}
