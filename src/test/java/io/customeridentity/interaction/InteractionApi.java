package io.customeridentity.interaction;

import io.customeridentity.support.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The interaction endpoints as tests call them, and builders of valid request bodies. */
final class InteractionApi {

    private final RestTestClient client;

    InteractionApi(RestTestClient client) {
        this.client = client;
    }

    /** A valid web visit from the given source and external id; change fields with put(). */
    static Map<String, Object> aVisit(String source, String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "WEB_VISIT");
        body.put("channel", "WEB");
        body.put("source", source);
        body.put("externalId", externalId);
        return body;
    }

    static Map<String, Object> aPurchase(String externalId, String value, String currency) {
        Map<String, Object> body = aVisit("webshop", externalId);
        body.put("type", "PURCHASE");
        body.put("amount", Map.of("value", value, "currency", currency));
        return body;
    }

    RestTestClient.ResponseSpec record(String customerId, Map<String, Object> body) {
        return client.post()
                .uri("/api/v1/customers/{id}/interactions", customerId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    JsonNode recorded(String customerId, Map<String, Object> body) {
        return record(customerId, body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    RestTestClient.ResponseSpec batch(List<Map<String, Object>> items) {
        return client.post()
                .uri("/api/v1/interactions/batch")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", items))
                .exchange();
    }

    JsonNode batchResults(List<Map<String, Object>> items) {
        return batch(items)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("results");
    }

    JsonNode get(String path) {
        return client.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
