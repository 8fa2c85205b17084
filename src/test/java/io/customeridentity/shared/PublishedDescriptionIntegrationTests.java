package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
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
        byte[] body = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        Files.createDirectories(DESCRIPTION.toAbsolutePath().getParent());
        Files.write(DESCRIPTION, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.readTree(body)));

        assertThat(json.readTree(DESCRIPTION.toFile()).path("paths").size()).isGreaterThan(10);
    }
}
