package io.customeridentity.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Personal data is stored only as ciphertext and blind indexes, in every table. */
@IntegrationTest
class EncryptionAtRestIntegrationTests {

    private static final List<String> TABLES = List.of(
            "customers",
            "customer_versions",
            "customer_data_keys",
            "customer_contact_index",
            "idempotency_keys",
            "interactions",
            "interaction_stats",
            "customer_id_keys");

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesNoPersonalValueInPlaintext() {
        Map<String, String> secrets = Map.ofEntries(
                Map.entry("givenName", "Zebulon"),
                Map.entry("familyName", "Quixwhistle"),
                Map.entry("email", "zebulon.quixwhistle@example.org"),
                Map.entry("phone", "+442079460123"),
                Map.entry("line1", "77 Marmalade Crescent"),
                Map.entry("city", "Umbrellaville"),
                Map.entry("attribute", "favourite-colour-ultramarine"),
                Map.entry("reason", "Married-name-Xylophant"),
                Map.entry("subject", "Parcel-left-with-neighbour-Wibblethwaite"),
                Map.entry("note", "Caller-said-the-dog-ate-it"),
                Map.entry("agentNote", "Escalated-to-Ms-Grimsdottir"));
        CustomerApi api = new CustomerApi(client);
        String id = api.created(Map.of(
                        "givenName", secrets.get("givenName"),
                        "familyName", secrets.get("familyName"),
                        "email", secrets.get("email"),
                        "phone", secrets.get("phone"),
                        "address", Map.of("line1", secrets.get("line1"), "city", secrets.get("city"), "country", "GB"),
                        "attributes", Map.of("colour", secrets.get("attribute"))))
                .path("id")
                .asString();
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + io.customeridentity.support.TestTokens.readWrite())
                .header("If-Match", "\"1\"")
                .header("X-Change-Reason", secrets.get("reason"))
                .contentType(CustomerApi.MERGE_PATCH)
                .body(Map.of("familyName", secrets.get("familyName") + "-Xylophant"))
                .exchange()
                .expectStatus()
                .isOk();

        client.post()
                .uri("/api/v1/customers/{id}/interactions", id)
                .header("Authorization", "Bearer " + io.customeridentity.support.TestTokens.readWrite())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "type",
                        "COMPLAINT",
                        "channel",
                        "PHONE",
                        "source",
                        "call-centre",
                        "externalId",
                        "call-" + id,
                        "subject",
                        secrets.get("subject"),
                        "note",
                        secrets.get("note"),
                        "attributes",
                        Map.of("agent", secrets.get("agentNote"))))
                .exchange()
                .expectStatus()
                .isCreated();

        String everything = dumpOfAllTables().toLowerCase(Locale.ROOT);

        assertThat(everything).contains(id.toLowerCase(Locale.ROOT));
        for (String secret : secrets.values()) {
            String lower = secret.toLowerCase(Locale.ROOT);
            assertThat(everything).as("plaintext of %s", secret).doesNotContain(lower);
            for (String form : List.of(secret, lower)) {
                String hex = HexFormat.of().formatHex(form.getBytes(StandardCharsets.UTF_8));
                assertThat(everything).as("hex of %s", form).doesNotContain(hex);
            }
        }
    }

    /** Every row of every table as text; bytea columns appear as hex. */
    private String dumpOfAllTables() {
        StringBuilder dump = new StringBuilder();
        for (String table : TABLES) {
            jdbc.sql("SELECT t::text FROM " + table + " t")
                    .query(String.class)
                    .list()
                    .forEach(row -> dump.append(row).append('\n'));
        }
        return dump.toString();
    }
}
