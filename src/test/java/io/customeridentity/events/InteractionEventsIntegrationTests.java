package io.customeridentity.events;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.FeedApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code customer-identity.events.interactions=true}: every interaction recorded, one by one or in a batch, is
 * one {@code interaction.recorded} event with its ids, type and channel, and none of its free text; a duplicate that
 * stored nothing is no event.
 */
@IntegrationTest
@TestPropertySource(properties = "customer-identity.events.interactions=true")
class InteractionEventsIntegrationTests {

    private static final String SUBJECT = "Complained about the parcel";
    private static final String NOTES = "Wants a call back on Tuesday";

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @Test
    void everyStoredInteractionIsOneEventWithoutItsFreeText() {
        FeedApi feed = new FeedApi(client);
        String cursor = feed.head();
        String id =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        String source = "shop-" + UUID.randomUUID();

        JsonNode single = post("/api/v1/customers/" + id + "/interactions", interaction(null, source, "single"));
        JsonNode batch = post(
                "/api/v1/interactions/batch",
                Map.of(
                        "items",
                        List.of(
                                interaction(id, source, "first"),
                                interaction(id, source, "single"),
                                interaction(id, source, "second"))));

        List<JsonNode> results = new java.util.ArrayList<>();
        batch.path("results").forEach(results::add);
        assertThat(results)
                .extracting(result -> result.path("status").asString())
                .containsExactly("CREATED", "DUPLICATE", "CREATED");
        List<String> stored = List.of(
                single.path("id").asString(),
                results.get(0).path("id").asString(),
                results.get(2).path("id").asString());

        List<JsonNode> events = feed.about(cursor, id, 4);

        assertThat(events)
                .extracting(event -> event.path("type").asString())
                .containsExactly(
                        "customer.registered", "interaction.recorded", "interaction.recorded", "interaction.recorded");
        List<JsonNode> recorded = events.subList(1, 4);
        assertThat(recorded)
                .extracting(event -> event.path("data"))
                .containsExactly(stored.stream()
                        .map(interactionId -> data(id, interactionId))
                        .toArray(JsonNode[]::new));
        assertThat(recorded)
                .allSatisfy(
                        event -> assertThat(event.path("subject").asString()).isEqualTo(id));
        assertThat(events.toString()).doesNotContain(SUBJECT, NOTES);
    }

    private JsonNode data(String customerId, String interactionId) {
        return json.readTree("{\"customerId\":\"" + customerId + "\",\"interactionId\":\"" + interactionId
                + "\",\"type\":\"SUPPORT_CONTACT\",\"channel\":\"PHONE\"}");
    }

    private static Map<String, Object> interaction(String customerId, String source, String externalId) {
        Map<String, Object> body = new HashMap<>();
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        body.put("type", "SUPPORT_CONTACT");
        body.put("channel", "PHONE");
        body.put("source", source);
        body.put("externalId", externalId);
        body.put("subject", SUBJECT);
        body.put("note", NOTES);
        return body;
    }

    private JsonNode post(String path, Object body) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
