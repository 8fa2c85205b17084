package io.customeridentity.support;

import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description the running application publishes, as the tests that check it read it. */
public final class ApiDocs {

    private ApiDocs() {}

    /** The body of {@code GET /v3/api-docs}, which must answer 200. */
    public static byte[] fetch(RestTestClient client) {
        return client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
    }

    public static JsonNode read(RestTestClient client, JsonMapper json) {
        return json.readTree(fetch(client));
    }
}
