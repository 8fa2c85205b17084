package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.wire.ChecksTheRecordedWire;
import io.customeridentity.support.wire.ContractCheck;
import io.customeridentity.support.wire.WireRecorder;
import io.customeridentity.support.wire.WireRecorder.RecordedExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAPI = wire: every response the integration tests received (recorded by their clients) is checked against the
 * description the application publishes at {@code /v3/api-docs}, and every operation must have been exercised. Runs
 * after every other test class ({@link ChecksTheRecordedWire}).
 */
@IntegrationTest
@ChecksTheRecordedWire
class WireContractIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    List<RecordedExchange> exchanges;
    ContractCheck check;

    @BeforeEach
    void checkWhatTheTestsReceived() throws IOException {
        exchanges = WireRecorder.exchanges();
        byte[] description = ApiDocs.fetch(client);
        // For linters (scripts/lint-openapi.sh): the description the check used.
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "openapi.json"), description);
        JsonNode api = json.readTree(description);
        check = new ContractCheck(api, json);
    }

    @Test
    void everyResponseHasADeclaredStatusAValidBodyAndDeclaredHeaders() {
        List<String> mismatches = check.mismatches(exchanges);

        assertThat(mismatches)
                .withFailMessage(() -> mismatches.size() + " ways in which " + exchanges.size()
                        + " recorded responses differ from /v3/api-docs:\n  " + String.join("\n  ", mismatches))
                .isEmpty();
    }

    @Test
    void everyOperationWasExercised() {
        assumeTrue(System.getProperty("test") == null, "-Dtest ran a part of the suite: not every operation is due");

        List<String> unexercised = check.unexercised(exchanges);

        assertThat(unexercised)
                .withFailMessage(() -> unexercised.size() + " of " + check.operationCount()
                        + " operations no test exercised:\n  " + String.join("\n  ", unexercised))
                .isEmpty();
    }
}
