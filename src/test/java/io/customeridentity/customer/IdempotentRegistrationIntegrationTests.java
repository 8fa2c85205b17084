package io.customeridentity.customer;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The Idempotency-Key rules of customer creation. */
@IntegrationTest
class IdempotentRegistrationIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MasterKey masterKey;

    @Test
    void replaysTheOriginalResponseForTheSameKeyAndBody() {
        String key = newKey();
        Map<String, Object> body = bodyFor(key);
        EntityExchangeResult<JsonNode> first = create("test-user", key, body);
        EntityExchangeResult<JsonNode> second = create("test-user", key, body);

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getResponseHeaders().getLocation())
                .isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(customersCreatedWith(key)).isEqualTo(1);
    }

    @Test
    void replaysTheOriginalRegistrationEvenAfterTheCustomerChanged() {
        String key = newKey();
        Map<String, Object> body = aCustomer().build();
        JsonNode first = create("test-user", key, body).getResponseBody();
        client.patch()
                .uri("/api/v1/customers/{id}", first.path("id").asString())
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("givenName", "Augusta"))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(create("test-user", key, body).getResponseBody()).isEqualTo(first);
    }

    @Test
    void rejectsTheSameKeyWithADifferentBody() {
        String key = newKey();
        create("test-user", key, bodyFor(key));

        Map<String, Object> other = bodyFor(key);
        other.put("givenName", "Grace");
        EntityExchangeResult<JsonNode> reused = create("test-user", key, other);

        assertThat(reused.getStatus().value()).isEqualTo(422);
        assertThat(reused.getResponseBody().path("code").asString()).isEqualTo("idempotency-key-reused");
        assertThat(customersCreatedWith(key)).isEqualTo(1);
    }

    @Test
    void scopesKeysPerCaller() {
        String key = newKey();
        Map<String, Object> body = aCustomer().build();

        JsonNode mine = create("service-a", key, body).getResponseBody();
        JsonNode theirs = create("service-b", key, body).getResponseBody();

        assertThat(mine.path("id").asString()).isNotEqualTo(theirs.path("id").asString());
    }

    @Test
    void answersConflictWhileARequestWithTheSameKeyIsInFlight() throws Exception {
        String key = newKey();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(? || chr(31) || ?, 0))")) {
                lock.setString(1, "test-user");
                lock.setString(2, key);
                lock.execute();
            }

            EntityExchangeResult<JsonNode> inFlight =
                    create("test-user", key, aCustomer().build());

            assertThat(inFlight.getStatus().value()).isEqualTo(409);
            assertThat(inFlight.getResponseBody().path("code").asString()).isEqualTo("idempotency-key-in-flight");
            holder.rollback();
        }
        assertThat(create("test-user", key, aCustomer().build()).getStatus().value())
                .isEqualTo(201);
    }

    @Test
    void twentyConcurrentIdenticalRequestsCreateExactlyOneCustomer() throws Exception {
        String key = newKey();
        Map<String, Object> body = bodyFor(key);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<JsonNode>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return create("test-user", key, body);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<EntityExchangeResult<JsonNode>> future : futures) {
                EntityExchangeResult<JsonNode> result = future.get();
                assertThat(result.getStatus().value()).isIn(201, 409);
                if (result.getStatus().value() == 201) {
                    ids.add(result.getResponseBody().path("id").asString());
                }
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(customersCreatedWith(key)).isEqualTo(1);
        assertThat(create("test-user", key, body).getResponseHeaders().getFirst("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    /**
     * Keys stored before a field was added must still match their retries: the fingerprint of a request without the
     * new fields is what the code of that time computed (the literal is what it fingerprinted).
     */
    @Test
    void fingerprintsARequestWithoutNewFieldsAsEarlierVersionsDid() {
        String key = newKey();
        Map<String, Object> body = aCustomer()
                .with("email", emailFor(key))
                .with("address", Map.of("line1", "12 Ocean St", "postalCode", "2000", "country", "au"))
                .with("preferences", Map.of("language", "en-GB", "contactChannels", List.of("EMAIL")))
                .with("attributes", Map.of("tier", "gold"))
                .build();
        create("test-user", key, body);

        String earlier = "{\"prefix\":null,\"profile\":{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\","
                + "\"email\":\"" + emailFor(key) + "\",\"phone\":\"+44 20 7946 0958\","
                + "\"address\":{\"line1\":\"12 Ocean St\",\"line2\":null,\"city\":null,\"region\":null,"
                + "\"postalCode\":\"2000\",\"country\":\"au\"},\"preferences\":{\"language\":\"en-GB\","
                + "\"contactChannels\":[\"EMAIL\"],\"marketingConsent\":null,\"consentUpdatedAt\":null},"
                + "\"attributes\":{\"tier\":\"gold\"}}}";
        byte[] stored = jdbc.sql("SELECT request_fingerprint FROM idempotency_keys WHERE idempotency_key = :key")
                .param("key", key)
                .query(byte[].class)
                .single();
        assertThat(stored).isEqualTo(new BlindIndex(masterKey, "idempotency").of(earlier));
    }

    @Test
    void rejectsMalformedKeys() {
        for (String key : new String[] {"x".repeat(256), "tab\there"}) {
            EntityExchangeResult<JsonNode> result =
                    create("test-user", key, aCustomer().build());
            assertThat(result.getStatus().value()).isEqualTo(400);
            assertThat(result.getResponseBody().at("/errors/0/field").asString())
                    .isEqualTo("Idempotency-Key");
        }
    }

    private EntityExchangeResult<JsonNode> create(String caller, String key, Map<String, Object> body) {
        RestTestClient.RequestBodySpec request = client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.readWriteFor(caller))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON);
        return request.body(body).exchange().expectBody(JsonNode.class).returnResult();
    }

    /** Customers registered with the e-mail address unique to this key (found through its blind index). */
    private int customersCreatedWith(String key) {
        return jdbc.sql("SELECT count(*) FROM customer_contact_index WHERE kind = 'EMAIL' AND blind_index = :index")
                .param("index", new BlindIndex(masterKey, "email").of(emailFor(key)))
                .query(Integer.class)
                .single();
    }

    /** A request body whose e-mail address is unique to the key, so the customers it created can be counted. */
    private static Map<String, Object> bodyFor(String key) {
        return aCustomer().with("email", emailFor(key)).build();
    }

    private static String emailFor(String key) {
        return key + "@example.org";
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
