package io.customeridentity.interaction;

import static io.customeridentity.interaction.InteractionApi.aPurchase;
import static io.customeridentity.interaction.InteractionApi.aVisit;
import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.time.Instant;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InteractionRecordingIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    InteractionApi api;
    String customerId;

    @BeforeEach
    void registerCustomer() {
        api = new InteractionApi(client);
        customerId =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
    }

    @Test
    void recordsAnInteractionAndReadsItBack() {
        Map<String, Object> purchase = aPurchase(unique("order"), "49.90", "EUR");
        purchase.put("subject", "Three books");
        purchase.put("note", "Gift wrapped");
        purchase.put("attributes", Map.of("basket.size", "3"));
        purchase.put("occurredAt", "2026-01-15T10:00:00Z");

        JsonNode recorded = api.recorded(CustomerId.parse(customerId).displayForm(), purchase);

        assertThat(recorded.path("customerId").asString()).isEqualTo(customerId);
        assertThat(recorded.path("type").asString()).isEqualTo("PURCHASE");
        assertThat(recorded.at("/amount/value").asString()).isEqualTo("49.90");
        assertThat(recorded.at("/amount/currency").asString()).isEqualTo("EUR");
        assertThat(recorded.path("occurredAt").asString()).isEqualTo("2026-01-15T10:00:00Z");
        assertThat(recorded.path("recordedAt").asString()).isNotBlank();
        JsonNode listed =
                api.get("/api/v1/customers/" + customerId + "/interactions").at("/items/0");
        assertThat(listed).isEqualTo(recorded);
        assertThat(listed.path("subject").asString()).isEqualTo("Three books");
        assertThat(listed.at("/attributes/basket.size").asString()).isEqualTo("3");
    }

    @Test
    void keepsExactMinorUnitsPerCurrency() {
        assertThat(api.recorded(customerId, aPurchase(unique("o"), "1000", "JPY"))
                        .at("/amount/value")
                        .asString())
                .isEqualTo("1000");
        assertThat(api.recorded(customerId, aPurchase(unique("o"), "12.5", "EUR"))
                        .at("/amount/value")
                        .asString())
                .isEqualTo("12.50");
        assertThat(api.recorded(customerId, aPurchase(unique("o"), "0.125", "BHD"))
                        .at("/amount/value")
                        .asString())
                .isEqualTo("0.125");
    }

    static Stream<Arguments> invalidInteractions() {
        return Stream.of(
                invalid("type", body -> body.remove("type")),
                invalid("channel", body -> body.remove("channel")),
                invalid("source", body -> body.remove("source")),
                invalid("source", body -> body.put("source", "has spaces")),
                invalid("externalId", body -> body.put("externalId", "")),
                invalid("externalId", body -> body.put("externalId", "x".repeat(201))),
                invalid("amount", body -> body.put("type", "PURCHASE")),
                invalid("amount", body -> body.put("amount", Map.of("value", "1.00", "currency", "EUR"))),
                invalid("amount.currency", body -> purchase(body, "1.00", "EURO")),
                invalid("amount.currency", body -> purchase(body, "1.00", "XAU")),
                invalid("amount.value", body -> purchase(body, "1.001", "EUR")),
                invalid("amount.value", body -> purchase(body, "1.5", "JPY")),
                invalid("amount.value", body -> purchase(body, "-1.00", "EUR")),
                invalid("amount.value", body -> purchase(body, "0", "EUR")),
                invalid("amount.value", body -> purchase(body, "1e3", "EUR")),
                invalid("rating", body -> body.put("type", "FEEDBACK")),
                invalid("rating", body -> body.put("rating", 6)),
                invalid("rating", body -> body.put("rating", 0)),
                invalid(
                        "occurredAt",
                        body -> body.put(
                                "occurredAt", Instant.now().plusSeconds(600).toString())),
                invalid("subject", body -> body.put("subject", "s".repeat(201))),
                invalid("note", body -> body.put("note", "n".repeat(4001))),
                invalid("attributes", body -> body.put("attributes", Map.of("Bad Key", "v"))),
                invalid("type", body -> body.put("type", "TELEPATHY")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInteractions")
    void rejectsInvalidInteractionsNamingTheField(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = aVisit("webshop", unique("visit"));
        breakIt.accept(body);

        api.record(customerId, body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
        assertThat(count()).isZero();
    }

    @Test
    void acceptsOccurredAtUpToFiveMinutesAhead() {
        Map<String, Object> body = aVisit("webshop", unique("visit"));
        body.put("occurredAt", Instant.now().plusSeconds(240).toString());

        api.recorded(customerId, body);
    }

    @Test
    void answersNotFoundForUnknownCustomers() {
        api.record(CustomerId.of("BK", "0000000002").value(), aVisit("webshop", unique("v")))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("customer-not-found");
        String unknown = CustomerId.of("BK", "0000000002").value();
        for (String path : List.of("/interactions", "/summary", "/accounts", "/external-refs")) {
            client.get()
                    .uri("/api/v1/customers/" + unknown + path)
                    .header("Authorization", "Bearer " + TestTokens.readWrite())
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        api.record("AC12345678901", aVisit("webshop", unique("v")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("check-digit-mismatch");
    }

    @Test
    void replaysTheStoredInteractionForTheSameSourceAndExternalId() {
        Map<String, Object> body = aVisit("webshop", unique("visit"));
        JsonNode first = api.recorded(customerId, body);

        body.put("note", "a retry with a different note");
        JsonNode again = api.record(customerId, body)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void storesOneRowForTwentyConcurrentIdenticalPosts() throws Exception {
        Map<String, Object> body = aVisit("webshop", unique("visit"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EntityExchangeResult<JsonNode>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.record(customerId, body)
                            .expectBody(JsonNode.class)
                            .returnResult();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<EntityExchangeResult<JsonNode>> future : futures) {
                EntityExchangeResult<JsonNode> result = future.get();
                assertThat(result.getStatus().value()).isIn(200, 201);
                created += result.getStatus().value() == 201 ? 1 : 0;
                ids.add(result.getResponseBody().path("id").asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers/" + customerId + "/summary")
                        .path("interactionCount")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void requiresTheInteractionScopes() {
        client.post()
                .uri("/api/v1/customers/{id}/interactions", customerId)
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read customers:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(aVisit("webshop", unique("v")))
                .exchange()
                .expectStatus()
                .isForbidden();
        client.get()
                .uri("/api/v1/customers/{id}/summary", customerId)
                .header("Authorization", "Bearer " + TestTokens.withScopes("interactions:write"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void refusesToRewriteTheTimeline() {
        api.recorded(customerId, aVisit("webshop", unique("v")));

        for (String sql : List.of(
                "UPDATE interactions SET rating = 1 WHERE customer_id = :id",
                "DELETE FROM interactions WHERE customer_id = :id")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> jdbc.sql(sql).param("id", customerId).update())
                    .hasMessageContaining("append-only");
        }
        assertThat(count()).isEqualTo(1);
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM interactions WHERE customer_id = :id")
                .param("id", customerId)
                .query(Integer.class)
                .single();
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(field, breakIt);
    }

    private static void purchase(Map<String, Object> body, String value, String currency) {
        body.put("type", "PURCHASE");
        body.put("amount", Map.of("value", value, "currency", currency));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
