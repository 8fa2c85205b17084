package io.customeridentity.support;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The customer endpoints as tests call them: a read-write token, JSON bodies, JSON answers. */
public final class CustomerApi {

    public static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private final RestTestClient client;
    private final String token;

    public CustomerApi(RestTestClient client) {
        this(client, TestTokens.readWrite());
    }

    public CustomerApi(RestTestClient client, String token) {
        this.client = client;
        this.token = token;
    }

    public RestTestClient.ResponseSpec create(Map<String, Object> body) {
        return client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** Registers a customer and answers its JSON. */
    public JsonNode created(Map<String, Object> body) {
        return create(body)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    public RestTestClient.ResponseSpec get(String path) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    public JsonNode json(String path) {
        return get(path)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** A merge patch; {@code ifMatch} null sends no If-Match header. */
    public RestTestClient.ResponseSpec patch(String id, String ifMatch, Object patch) {
        RestTestClient.RequestBodySpec request = client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + token)
                .contentType(MERGE_PATCH);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(patch).exchange();
    }

    public JsonNode patched(String id, int version, Object patch) {
        return patch(id, "\"" + version + "\"", patch)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
