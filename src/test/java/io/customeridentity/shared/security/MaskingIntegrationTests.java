package io.customeridentity.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.ApiDocs;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data by scope: every read that shows a profile masks it for a token without {@code customers:pii} (e-mail
 * and phone masked, the address reduced to its area, no attributes, names kept, {@code masked: true}) and shows it
 * whole with the scope; the look-ups answer the same either way and never more than the caller sent.
 */
@IntegrationTest
class MaskingIntegrationTests {

    private static final String FULL = TestTokens.readWrite();
    private static final String MASKED = TestTokens.withoutPii();

    @Autowired
    RestTestClient client;

    @Autowired
    JsonMapper json;

    String id;
    String email;
    String phoneDigits;
    String e164;
    String accountNumber;
    String externalId;
    Instant beforePatch;

    @BeforeEach
    void registerAdaWithEverything() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        email = "ada." + unique + "@example.org";
        phoneDigits = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        e164 = "+44207946" + phoneDigits;
        id = new CustomerApi(client, FULL)
                .created(Map.of(
                        "givenName",
                        "Ada",
                        "familyName",
                        "Lovelace",
                        "email",
                        email,
                        "phone",
                        "+44 20 7946 " + phoneDigits,
                        "address",
                        Map.of(
                                "line1", "12 St James's Square",
                                "line2", "Flat 3",
                                "city", "London",
                                "region", "Greater London",
                                "postalCode", "SW1Y 4JH",
                                "country", "gb"),
                        "preferences",
                        Map.of("language", "en-GB", "marketingConsent", true),
                        "attributes",
                        Map.of("tier", "gold")))
                .path("id")
                .asString();
        beforePatch = Instant.now();
        patch(FULL, "\"1\"", Map.of("familyName", "King"), "Married the Earl of Lovelace")
                .expectStatus()
                .isOk();
        accountNumber = "MASK" + unique.toUpperCase().replaceAll("[^A-Z0-9]", "0");
        post(FULL, "/api/v1/customers/" + id + "/accounts", Map.of("accountNumber", accountNumber, "type", "OTHER"))
                .expectStatus()
                .isCreated();
        externalId = "crm-" + unique;
        post(FULL, "/api/v1/customers/" + id + "/external-refs", Map.of("system", "crm", "externalId", externalId))
                .expectStatus()
                .isCreated();
    }

    @Test
    void masksTheCurrentVersionForACallerWithoutThePiiScope() {
        JsonNode customer = json(get(MASKED, "/api/v1/customers/" + id));

        assertMasked(customer, "King");
    }

    @Test
    void showsTheWholeProfileWithThePiiScope() {
        JsonNode customer = json(get(FULL, "/api/v1/customers/" + id));

        assertThat(customer.path("masked").asBoolean(true)).isFalse();
        assertThat(customer.path("email").asString()).isEqualTo(email);
        assertThat(customer.path("phone").asString()).isEqualTo(e164);
        assertThat(customer.path("address").path("line1").asString()).isEqualTo("12 St James's Square");
        assertThat(customer.path("address").path("line2").asString()).isEqualTo("Flat 3");
        assertThat(customer.path("address").path("postalCode").asString()).isEqualTo("SW1Y 4JH");
        assertThat(customer.path("attributes").path("tier").asString()).isEqualTo("gold");
    }

    @Test
    void masksVersionReadsAndAsOfReads() {
        assertMasked(json(get(MASKED, "/api/v1/customers/" + id + "/versions/1")), "Lovelace");
        assertMasked(json(get(MASKED, "/api/v1/customers/" + id + "/versions/2")), "King");
        assertMasked(json(get(MASKED, "/api/v1/customers/" + id + "?asOf=" + beforePatch)), "Lovelace");

        assertThat(json(get(FULL, "/api/v1/customers/" + id + "/versions/1"))
                        .path("email")
                        .asString())
                .isEqualTo(email);
        assertThat(json(get(FULL, "/api/v1/customers/" + id + "?asOf=" + beforePatch))
                        .path("address")
                        .path("postalCode")
                        .asString())
                .isEqualTo("SW1Y 4JH");
    }

    @Test
    void leavesTheChangeReasonsOutOfTheVersionListWithoutThePiiScope() {
        JsonNode masked = json(get(MASKED, "/api/v1/customers/" + id + "/versions"));
        JsonNode full = json(get(FULL, "/api/v1/customers/" + id + "/versions"));

        assertThat(masked.path("masked").asBoolean(false)).isTrue();
        assertThat(masked.path("items").get(0).has("reason")).isFalse();
        assertThat(masked.path("items").get(0).path("changedFields").toString()).contains("familyName");
        assertThat(masked.toString()).doesNotContain("Earl");
        assertThat(full.path("masked").asBoolean(true)).isFalse();
        assertThat(full.path("items").get(0).path("reason").asString()).isEqualTo("Married the Earl of Lovelace");
    }

    @Test
    void masksTheAnswersOfWritesWithoutThePiiScope() {
        JsonNode patched = json(patch(MASKED, "\"2\"", Map.of("givenName", "Augusta"), null));
        assertMasked(patched, "King");
        assertThat(patched.path("givenName").asString()).isEqualTo("Augusta");

        String other = "grace." + UUID.randomUUID() + "@example.org";
        JsonNode created = json(post(MASKED, "/api/v1/customers", Map.of("givenName", "Grace", "email", other)));
        assertThat(created.path("masked").asBoolean(false)).isTrue();
        assertThat(created.path("email").asString()).isEqualTo("g***@example.org");
        assertThat(created.has("attributes")).isFalse();
    }

    @Test
    void resolvesEveryIdentifierToTheSameAnswerWithOrWithoutThePiiScope() {
        List<Map<String, Object>> queries = List.of(
                Map.of("customerId", id),
                Map.of("email", email.toUpperCase()),
                Map.of("phone", "+44 20 7946 " + phoneDigits),
                Map.of("externalRef", Map.of("system", "crm", "externalId", externalId)));
        for (Map<String, Object> query : queries) {
            JsonNode masked = json(post(MASKED, "/api/v1/resolve", query));
            JsonNode full = json(post(FULL, "/api/v1/resolve", query));

            assertThat(masked).as(query.toString()).isEqualTo(full);
            assertThat(masked.path("matches").findValuesAsString("customerId"))
                    .as(query.toString())
                    .contains(id);
            assertRevealsNoPersonalData(masked);
        }
    }

    @Test
    void resolvesAnAccountNumberToTheSameAnswerWithOrWithoutThePiiScope() {
        Map<String, Object> query = Map.of("accountNumber", accountNumber.toLowerCase());
        JsonNode masked = json(post(MASKED, "/api/v1/accounts/resolve", query));
        JsonNode full = json(post(FULL, "/api/v1/accounts/resolve", query));

        assertThat(masked).isEqualTo(full);
        assertThat(masked.path("matches").findValuesAsString("customerId")).containsExactly(id);
        assertRevealsNoPersonalData(masked);
    }

    @Test
    void listsDuplicatesAlikeWithOrWithoutThePiiScope() {
        String twin = json(post(FULL, "/api/v1/customers", Map.of("givenName", "Ada", "email", email)))
                .path("id")
                .asString();

        JsonNode masked = json(get(MASKED, "/api/v1/customers/" + id + "/duplicates"));
        JsonNode full = json(get(FULL, "/api/v1/customers/" + id + "/duplicates"));

        assertThat(masked).isEqualTo(full);
        assertThat(masked.path("items").findValuesAsString("customerId")).contains(twin);
        assertRevealsNoPersonalData(masked);
    }

    @Test
    void neverMasksTheSubjectAccessExport() {
        String export = get(TestTokens.withScopes("privacy:export"), "/api/v1/customers/" + id + "/export")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(export).contains(email, e164, "SW1Y 4JH", "12 St James's Square", "\"tier\"");
    }

    @Test
    void answersNotModifiedToAMaskedCallerAsToAnyOther() {
        get(MASKED, "/api/v1/customers/" + id)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"");
        client.get()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + MASKED)
                .header("If-None-Match", "\"2\"")
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void documentsTheScopeAndTheMaskedShape() {
        JsonNode api = ApiDocs.read(client, json);

        assertThat(api.at("/components/securitySchemes/bearerAuth/description").asString())
                .contains("`customers:pii`");
        for (String answer : List.of("CustomerResponse", "VersionPage")) {
            JsonNode schema = api.at("/components/schemas/" + answer);
            assertThat(schema.path("required").toString()).as(answer).contains("\"masked\"");
            assertThat(schema.at("/properties/masked/type").asString())
                    .as(answer)
                    .isEqualTo("boolean");
        }
        JsonNode customer = api.at("/components/schemas/CustomerResponse");
        assertThat(customer.path("required").toString()).doesNotContain("\"attributes\"");
        assertThat(customer.path("description").asString()).contains("customers:pii", "a***@example.org");
        assertThat(api.at("/components/schemas/AddressResponse/required").toString())
                .doesNotContain("line1");
    }

    private void assertMasked(JsonNode customer, String familyName) {
        assertThat(customer.path("masked").asBoolean(false)).isTrue();
        assertThat(customer.path("givenName").isString()).isTrue();
        assertThat(customer.path("familyName").asString()).isEqualTo(familyName);
        assertThat(customer.path("email").asString()).isEqualTo("a***@example.org");
        assertThat(customer.path("phone").asString())
                .isEqualTo("+44*******" + phoneDigits.substring(1))
                .hasSize(e164.length());
        assertThat(customer.path("address").propertyNames()).containsExactlyInAnyOrder("city", "region", "country");
        assertThat(customer.path("address").path("city").asString()).isEqualTo("London");
        assertThat(customer.path("address").path("country").asString()).isEqualTo("GB");
        assertThat(customer.has("attributes")).isFalse();
        assertThat(customer.path("preferences").path("language").asString()).isEqualTo("en-GB");
        assertThat(customer.toString()).doesNotContain(email, e164, "St James", "Flat 3", "SW1Y", "gold");
    }

    private void assertRevealsNoPersonalData(JsonNode answer) {
        assertThat(answer.toString()).doesNotContain("@", "Ada", "Lovelace", "King", "London", "SW1Y", "gold", "+44");
    }

    private RestTestClient.ResponseSpec get(String token, String path) {
        return client.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private RestTestClient.ResponseSpec post(String token, String path, Object body) {
        return client.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private RestTestClient.ResponseSpec patch(String token, String ifMatch, Object body, String reason) {
        RestTestClient.RequestBodySpec request = client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + token)
                .header("If-Match", ifMatch)
                .contentType(CustomerApi.MERGE_PATCH);
        if (reason != null) {
            request.header("X-Change-Reason", reason);
        }
        return request.body(body).exchange();
    }

    private static JsonNode json(RestTestClient.ResponseSpec response) {
        return response.expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
