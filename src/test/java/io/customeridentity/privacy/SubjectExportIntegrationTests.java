package io.customeridentity.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** The subject-access export holds every part of what we keep about a person, decrypted, and only for them. */
@IntegrationTest
class SubjectExportIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void exportsVersionsConsentInteractionsAccountsRefsAndMerges() {
        CustomerApi api = new CustomerApi(client);
        ErasureValues values = new ErasureValues(System.nanoTime());
        String email = values.email("email");
        String id = api.created(Map.of(
                        "givenName",
                        "Grace",
                        "familyName",
                        "Hopper",
                        "email",
                        email,
                        "preferences",
                        Map.of("marketingConsent", false, "contactChannels", List.of("EMAIL"))))
                .path("id")
                .asString();
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("If-Match", "\"1\"")
                .header("X-Change-Reason", "Agreed to the newsletter at the counter")
                .contentType(CustomerApi.MERGE_PATCH)
                .body(Map.of("preferences", Map.of("marketingConsent", true)))
                .exchange()
                .expectStatus()
                .isOk();
        String duplicate = api.created(Map.of("givenName", "G.", "familyName", "Hopper"))
                .path("id")
                .asString();
        post(
                        "/api/v1/customers/" + id + "/merges",
                        Map.of("mergedCustomerId", duplicate, "reason", "Same person, two sign-ups"),
                        "\"2\"")
                .expectStatus()
                .isOk();
        List<String> interactions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "PURCHASE");
            body.put("channel", "WEB");
            body.put("source", "export-test");
            body.put("externalId", "order-" + UUID.randomUUID());
            body.put("amount", Map.of("value", "19.99", "currency", "EUR"));
            body.put("note", "Gift wrap number " + i);
            interactions.add(created("/api/v1/customers/" + id + "/interactions", body)
                    .path("id")
                    .asString());
        }
        String iban = values.iban("iban");
        String link = created(
                        "/api/v1/customers/" + id + "/accounts",
                        Map.of("accountNumber", iban, "type", "IBAN", "label", "Household"))
                .path("linkId")
                .asString();
        String externalId = "crm-" + UUID.randomUUID();
        created("/api/v1/customers/" + duplicate + "/external-refs", Map.of("system", "crm", "externalId", externalId));

        api.json("/api/v1/customers/" + duplicate); // a read moments before: still queued, written first

        RestTestClient.ResponseSpec response = client.get()
                .uri("/api/v1/customers/{id}/export", id)
                .header("Authorization", "Bearer " + TestTokens.withScopes("privacy:export"))
                .exchange();
        JsonNode export = response.expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(export.path("format").asString()).isEqualTo("customer-identity/subject-export/v1");
        assertThat(export.path("customerId").asString()).isEqualTo(id);
        assertThat(export.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(texts(export.path("mergeGroup"))).containsExactlyInAnyOrder(id, duplicate);

        JsonNode versions = export.path("profileVersions");
        assertThat(versions).hasSize(3);
        JsonNode latest = versions.get(0);
        assertThat(latest.path("customerId").asString()).isEqualTo(id);
        assertThat(latest.path("version").asInt()).isEqualTo(2);
        assertThat(latest.path("recordedBy").asString()).isEqualTo("test-user");
        assertThat(latest.path("reason").asString()).isEqualTo("Agreed to the newsletter at the counter");
        assertThat(texts(latest.path("changedFields"))).containsExactly("preferences");
        assertThat(latest.path("profile").path("email").asString()).isEqualTo(email);
        assertThat(latest.path("profile")
                        .path("preferences")
                        .path("marketingConsent")
                        .asBoolean())
                .isTrue();
        assertThat(versions.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(versions.get(2).path("customerId").asString()).isEqualTo(duplicate);
        assertThat(versions.get(2).path("profile").path("givenName").asString()).isEqualTo("G.");

        JsonNode consent = export.path("consentHistory");
        assertThat(consent).hasSize(3); // version 2 and version 1 of the customer, version 1 of the duplicate
        assertThat(consent.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(consent.get(0).path("marketingConsent").asBoolean()).isTrue();
        assertThat(consent.get(1).path("marketingConsent").asBoolean()).isFalse();

        JsonNode timeline = export.path("interactions");
        assertThat(texts(timeline, "id")).containsExactlyInAnyOrderElementsOf(interactions);
        assertThat(texts(timeline, "note"))
                .containsExactlyInAnyOrder("Gift wrap number 0", "Gift wrap number 1", "Gift wrap number 2");
        assertThat(timeline.get(0).path("amount").path("value").asString()).isEqualTo("19.99");

        JsonNode accounts = export.path("accountLinks");
        assertThat(accounts).hasSize(1);
        assertThat(accounts.get(0).path("linkId").asString()).isEqualTo(link);
        assertThat(accounts.get(0).path("label").asString()).isEqualTo("Household");
        assertThat(accounts.get(0).path("last4").asString()).isEqualTo(iban.substring(iban.length() - 4));
        assertThat(accounts.get(0).path("masked").asString()).doesNotContain(iban.substring(4, 12));

        JsonNode refs = export.path("externalRefs");
        assertThat(refs).hasSize(1);
        assertThat(refs.get(0).path("externalId").asString()).isEqualTo(externalId);
        assertThat(refs.get(0).path("customerId").asString()).isEqualTo(duplicate);

        JsonNode merges = export.path("merges");
        assertThat(merges).hasSize(1);
        assertThat(merges.get(0).path("reason").asString()).isEqualTo("Same person, two sign-ups");
        JsonNode access = export.path("accessAudit");
        List<String> actions = new ArrayList<>();
        access.forEach(entry -> actions.add(
                entry.path("action").asString() + " " + entry.path("customerId").asString()));
        assertThat(actions.get(0)).isEqualTo("customer.export " + id);
        assertThat(actions)
                .contains(
                        "customer.read " + duplicate,
                        "external_ref.map " + duplicate,
                        "account.link " + id,
                        "interaction.record " + id,
                        "customer.merge " + id,
                        "customer.merge " + duplicate,
                        "customer.update " + id,
                        "customer.register " + duplicate,
                        "customer.register " + id)
                .hasSize(12);
        assertThat(access.get(0).path("actor").asString()).isEqualTo("test-user");
        assertThat(access.get(0).path("outcome").asInt()).isEqualTo(200);
        assertThat(access).allSatisfy(entry -> {
            assertThat(entry.has("clientIp")).isFalse();
            assertThat(entry.has("requestId")).isFalse();
        });
    }

    @Test
    void answersProblemsBeforeStreaming() {
        client.get()
                .uri(
                        "/api/v1/customers/{id}/export",
                        CustomerId.of("BK", "0000000001").value())
                .header("Authorization", "Bearer " + TestTokens.withScopes("privacy:export"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("customer-not-found");
        client.get()
                .uri("/api/v1/customers/{id}/export", "AC12345678901")
                .header("Authorization", "Bearer " + TestTokens.withScopes("privacy:export"))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private JsonNode created(String path, Map<String, Object> body) {
        return post(path, body, null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private RestTestClient.ResponseSpec post(String path, Object body, String ifMatch) {
        RestTestClient.RequestBodySpec request = client.post()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(body).exchange();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asString()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asString()));
        return texts;
    }
}
