package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.VerboseLogging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Profiles and interaction details stay out of the logs, even at TRACE. */
@IntegrationTest
@VerboseLogging
class PersonalDataLogsIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void logsNoPersonalDataEvenAtTrace(CapturedOutput output) {
        CustomerApi api = new CustomerApi(client);
        String id = api.created(Map.of(
                        "givenName", "Philomena",
                        "familyName", "Cunk-Trevithick",
                        "email", "philomena.ct@example.org",
                        "phone", "+44 20 7946 0777",
                        "address", Map.of("line1", "9 Quagmire Row", "country", "GB")))
                .path("id")
                .asString();
        api.patched(id, 1, Map.of("familyName", "Trevithick-Cunk"));
        api.json("/api/v1/customers/" + id);
        client.post()
                .uri("/api/v1/customers/{id}/interactions", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "type", "NOTE",
                        "channel", "PHONE",
                        "source", "crm",
                        "externalId", "note-" + id,
                        "note", "Allergic-to-marzipan"))
                .exchange()
                .expectStatus()
                .isCreated();

        client.post()
                .uri("/api/v1/resolve")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "philomena.ct@example.org"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.matches[0].customerId")
                .isEqualTo(id);

        String logs = output.getAll();
        assertThat(logs).as("verbose logging really ran").contains("customer_versions");
        for (String secret : List.of(
                "Philomena",
                "Cunk-Trevithick",
                "Trevithick-Cunk",
                "philomena.ct@example.org",
                "+442079460777",
                "Quagmire",
                "Allergic-to-marzipan")) {
            assertThat(logs).as("logs contain %s", secret).doesNotContain(secret);
        }
    }
}
