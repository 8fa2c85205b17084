package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published API description stays accurate: security scheme, summaries and problem responses everywhere. */
@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @Test
    void declaresBearerSecurityForTheWholeApi() {
        JsonNode api = apiDocs();

        JsonNode scheme = api.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/security/0").has("bearerAuth")).isTrue();
    }

    @Test
    void describesEveryOperationWithSummaryAndProblemResponses() {
        JsonNode paths = apiDocs().path("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/customers", "/api/v1/customers/{id}");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                assertThat(operation.getValue().path("summary").asString())
                        .as(name)
                        .isNotBlank();
                assertThat(operation.getValue().path("operationId").asString())
                        .as(name)
                        .isNotBlank();
                for (String status : new String[] {"401", "403", "500"}) {
                    assertThat(responses
                                    .at("/" + status + "/content/application~1problem+json/schema/$ref")
                                    .asString())
                            .as(name + " " + status)
                            .isEqualTo("#/components/schemas/Problem");
                }
            }
        }
    }

    @Test
    void documentsTheBodyLimitsOnEveryOperationWithABody() {
        int withBody = 0;
        for (Map.Entry<String, JsonNode> path : apiDocs().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().has("requestBody")) {
                    withBody++;
                    assertThat(operation.getValue().path("responses").propertyNames())
                            .as(operation.getKey() + " " + path.getKey())
                            .contains("408", "413");
                }
            }
        }
        assertThat(withBody).isGreaterThanOrEqualTo(10);
    }

    @Test
    void documentsTheDatabaseUnavailableAnswerWithItsRetryAfterOnEveryOperation() {
        for (Map.Entry<String, JsonNode> path : apiDocs().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode unavailable = operation.getValue().path("responses").path("503");
                assertThat(unavailable.at("/headers/Retry-After").isMissingNode())
                        .as(operation.getKey() + " " + path.getKey())
                        .isFalse();
                assertThat(operation.getValue().path("responses").has("406"))
                        .as(operation.getKey() + " " + path.getKey())
                        .isTrue();
            }
        }
    }

    @Test
    void documentsTheIdErrorsOfCustomerLookUp() {
        JsonNode responses = apiDocs().at("/paths/~1api~1v1~1customers~1{id}/get/responses");

        assertThat(responses.propertyNames()).contains("200", "400", "404");
    }

    @Test
    void documentsEveryCustomerIdInAPathAsAString() {
        JsonNode paths = apiDocs().path("paths");

        int checked = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if (parameter.path("in").asString().equals("path")
                            && parameter.path("name").asString().equals("id")) {
                        assertThat(parameter.at("/schema/type").asString())
                                .as(operation.getKey() + " " + path.getKey())
                                .isEqualTo("string");
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void documentsTheSchemaOfEveryBatchItemThoughItemsAreReadOneByOne() {
        JsonNode api = apiDocs();
        JsonNode body =
                api.at("/paths/~1api~1v1~1interactions~1batch/post/requestBody/content/application~1json/schema");
        JsonNode batch =
                api.at("/components/schemas/" + body.path("$ref").asString().replace("#/components/schemas/", ""));

        JsonNode items = batch.at("/properties/items");
        assertThat(items.path("type").asString()).isEqualTo("array");
        assertThat(items.at("/items/$ref").asString()).isEqualTo("#/components/schemas/InteractionRequest");
        assertThat(api.at("/components/schemas/InteractionRequest/required").toString())
                .contains("\"type\"", "\"channel\"", "\"source\"", "\"externalId\"");
    }

    private JsonNode apiDocs() {
        return ApiDocs.read(client, json);
    }
}
