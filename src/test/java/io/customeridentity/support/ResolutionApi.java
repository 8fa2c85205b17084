package io.customeridentity.support;

import static io.customeridentity.support.CustomerTestData.aCustomer;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The resolution and merge endpoints as tests call them. */
public final class ResolutionApi {

    private final RestTestClient client;
    private final CustomerApi customers;

    public ResolutionApi(RestTestClient client) {
        this.client = client;
        this.customers = new CustomerApi(client);
    }

    /** A new customer with a unique e-mail (so that unrelated tests never look like duplicates). */
    public String customer(Map<String, Object> changes) {
        var body = aCustomer()
                .with("email", java.util.UUID.randomUUID() + "@example.org")
                .without("phone")
                .build();
        body.putAll(changes);
        return customers.created(body).path("id").asString();
    }

    public RestTestClient.ResponseSpec post(String path, Object body, String ifMatch) {
        RestTestClient.RequestBodySpec request = client.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(body).exchange();
    }

    public JsonNode ok(RestTestClient.ResponseSpec response) {
        return response.expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    public RestTestClient.ResponseSpec merge(String survivor, String merged) {
        int version =
                customers.json("/api/v1/customers/" + survivor).path("version").asInt();
        return post(
                "/api/v1/customers/" + survivor + "/merges",
                Map.of("mergedCustomerId", merged, "reason", "same person"),
                "\"" + version + "\"");
    }

    public String merged(String survivor, String merged) {
        return ok(merge(survivor, merged)).path("mergeId").asString();
    }

    public RestTestClient.ResponseSpec reverse(String survivor, String mergeId) {
        return post(
                "/api/v1/customers/" + survivor + "/merges/" + mergeId + "/reversal", Map.of("reason", "oops"), null);
    }

    public JsonNode resolve(Map<String, Object> query) {
        return ok(post("/api/v1/resolve", query, null)).path("matches");
    }

    public JsonNode get(String path) {
        return customers.json(path);
    }

    public RestTestClient.ResponseSpec getResponse(String path) {
        return customers.get(path);
    }
}
