package io.customeridentity.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description documents the feed's operation, its scope, its errors and the event schemas. */
@IntegrationTest
class EventOpenApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @Test
    void describesTheFeedAndEveryEventSchema() {
        JsonNode api = json.readTree(ApiDocs.fetch(client));

        JsonNode operation = api.at("/paths/~1api~1v1~1events/get");
        assertThat(operation.path("operationId").asString()).isEqualTo("listEvents");
        assertThat(operation.at("/security/0/bearerAuth/0").asString()).isEqualTo("events:read");
        assertThat(names(operation.path("parameters")))
                .containsExactly("after", "limit", "types", "wait", "X-Request-Id");
        assertThat(operation.path("responses").has("410")).isTrue();
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.at("/CloudEvent/properties").has("sequence")).isTrue();
        assertThat(schemas.at("/CloudEvent/properties/data/anyOf").size()).isEqualTo(7);
        for (String data :
                List.of("Registered", "Updated", "Merge", "AccountLink", "ExternalRef", "Interaction", "Erased")) {
            assertThat(schemas.has(data)).as(data).isTrue();
        }
        assertThat(schemas.at("/Updated/properties").has("changedFields")).isTrue();
        assertThat(schemas.at("/Erased/properties").has("erasedAt")).isTrue();
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }
}
