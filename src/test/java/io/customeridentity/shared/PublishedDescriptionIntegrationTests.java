package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the live {@code /v3/api-docs} to {@code target/openapi/customer-identity.json}: the build generates the
 * Java client from it after the tests (openapi-generator in {@code pre-integration-test}), and
 * {@code GeneratedClientScenarioIntegrationTests} drives the service through that client (README "Tests").
 */
@IntegrationTest
class PublishedDescriptionIntegrationTests {

    /** Where the build expects the description; surefire sets it, the default suits a run from the IDE. */
    static final Path DESCRIPTION = Path.of(
            System.getProperty("customer-identity.openapi.description", "target/openapi/customer-identity.json"));

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    @Test
    void writesTheLiveDescriptionForTheGeneratedClient() throws IOException {
        byte[] body = ApiDocs.fetch(client);

        Files.createDirectories(DESCRIPTION.toAbsolutePath().getParent());
        Files.write(DESCRIPTION, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(body)));

        assertThat(json.readTree(DESCRIPTION.toFile()).path("paths").size()).isGreaterThan(10);
    }

    @Test
    void givesAccountResolutionItsOwnRequestAndAnswer() {
        JsonNode api = apiDocs();
        JsonNode operation = api.at("/paths/~1api~1v1~1accounts~1resolve/post");

        JsonNode request = schema(api, operation.at("/requestBody/content/application~1json/schema"));
        assertThat(request.path("properties").propertyNames()).containsExactlyInAnyOrder("accountNumber", "type");
        assertThat(request.path("required")).extracting(JsonNode::asString).containsExactly("accountNumber");
        JsonNode answer = schema(api, operation.at("/responses/200/content/application~1json/schema"));
        JsonNode match = schema(api, answer.at("/properties/matches/items"));
        assertThat(match.path("properties").propertyNames())
                .containsExactlyInAnyOrder("customerId", "displayId", "linkId", "type", "linkedAt", "resolvedFrom");
        assertThat(match.path("required")).extracting(JsonNode::asString).doesNotContain("resolvedFrom");
        JsonNode resolve = api.at("/paths/~1api~1v1~1resolve/post/requestBody/content/application~1json/schema");
        assertThat(resolve.path("$ref").asString())
                .isNotEqualTo(operation
                        .at("/requestBody/content/application~1json/schema/$ref")
                        .asString());
    }

    @Test
    void typesTheMergePatchWithEveryPatchableFieldNullable() {
        JsonNode api = apiDocs();
        JsonNode body = api.at("/paths/~1api~1v1~1customers~1{id}/patch/requestBody/content");

        JsonNode patch = schema(api, body.at("/application~1merge-patch+json/schema"));
        assertThat(patch.path("properties").propertyNames())
                .containsExactlyInAnyOrder(
                        "givenName",
                        "familyName",
                        "birthDate",
                        "email",
                        "phone",
                        "address",
                        "preferences",
                        "attributes");
        for (var property : patch.path("properties").properties()) {
            assertThat(nullable(property.getValue())).as(property.getKey()).isTrue();
            assertThat(property.getValue().path("description").asString())
                    .as(property.getKey())
                    .contains("`null` removes it");
        }
        JsonNode address = schema(api, patch.at("/properties/address/anyOf/0"));
        assertThat(address.path("properties").propertyNames()).contains("line1", "line2", "country");
        assertThat(nullable(address.at("/properties/line2"))).isTrue();
        assertThat(nullable(patch.at("/properties/attributes/additionalProperties")))
                .isTrue();
    }

    @Test
    void declaresEveryExtensionMemberOfTheProblemsAndTheirCodesPerStatus() {
        JsonNode api = apiDocs();
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("code", "requestId", "errors", "currentVersion", "holder", "claim", "requiredScope");

        int checked = 0;
        for (var path : api.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var response : operation.getValue().path("responses").properties()) {
                    JsonNode examples = response.getValue().at("/content/application~1problem+json/examples");
                    if (!response.getKey().matches("[45]\\d\\d")) {
                        continue;
                    }
                    String name = operation.getKey() + " " + path.getKey() + " " + response.getKey();
                    assertThat(examples.size()).as(name).isPositive();
                    for (var example : examples.properties()) {
                        JsonNode value = example.getValue().path("value");
                        assertThat(value.path("status").asInt())
                                .as(name)
                                .isEqualTo(Integer.parseInt(response.getKey()));
                        assertThat(value.path("code").asString()).as(name).isEqualTo(example.getKey());
                        assertThat(response.getValue().path("description").asString())
                                .as(name)
                                .contains("`" + example.getKey() + "`");
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        JsonNode patch = api.at("/paths/~1api~1v1~1customers~1{id}/patch/responses");
        assertThat(patch.at("/412/content/application~1problem+json/examples").propertyNames())
                .containsExactly("version-conflict");
        assertThat(patch.at("/412/content/application~1problem+json/examples/version-conflict/value/currentVersion")
                        .isInt())
                .isTrue();
        assertThat(patch.at("/428/content/application~1problem+json/examples").propertyNames())
                .containsExactly("precondition-required");
        assertThat(patch.at("/403/content/application~1problem+json/examples").propertyNames())
                .containsExactly("insufficient-scope");
        JsonNode link = api.at("/paths/~1api~1v1~1customers~1{id}~1external-refs/post/responses");
        assertThat(link.at("/409/content/application~1problem+json/examples/external-ref-taken/value/holder")
                        .isString())
                .isTrue();
    }

    private JsonNode apiDocs() {
        return ApiDocs.read(client, json);
    }

    /** The schema itself, following a {@code $ref} into the components. */
    private static JsonNode schema(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : api.at(ref.substring(1));
    }

    /** Whether the schema admits {@code null}: OpenAPI 3.1's {@code type: [..., "null"]} or an anyOf with null. */
    private static boolean nullable(JsonNode schema) {
        for (JsonNode type : schema.path("type")) {
            if (type.asString().equals("null")) {
                return true;
            }
        }
        for (JsonNode alternative : schema.path("anyOf")) {
            if (alternative.path("type").asString("").equals("null")) {
                return true;
            }
        }
        return false;
    }
}
