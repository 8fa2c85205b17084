package io.customeridentity.customer.web;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CustomerVersioningIntegrationTests {

    @Autowired
    RestTestClient client;

    CustomerApi api;
    String id;

    @BeforeEach
    void registerCustomer() {
        api = new CustomerApi(client);
        id = api.created(aCustomer()
                        .with("address", Map.of("line1", "12 St James's Square", "city", "London", "country", "gb"))
                        .with("attributes", Map.of("tier", "gold", "source", "web"))
                        .build())
                .path("id")
                .asString();
    }

    @Test
    void patchAppendsVersionWithChangedFieldsAuthorAndReason() {
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWriteFor("support-agent-7"))
                .header("If-Match", "\"1\"")
                .header("X-Change-Reason", "Customer moved house")
                .contentType(CustomerApi.MERGE_PATCH)
                .body(Map.of("address", Map.of("line1", "1 Infinite Loop", "city", "Cupertino", "country", "US")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.address.line1")
                .isEqualTo("1 Infinite Loop")
                .jsonPath("$.givenName")
                .isEqualTo("Ada");

        JsonNode versions = api.json("/api/v1/customers/" + id + "/versions");
        assertThat(versions.at("/items/0/version").asInt()).isEqualTo(2);
        assertThat(versions.at("/items/0/changedBy").asString()).isEqualTo("support-agent-7");
        assertThat(versions.at("/items/0/changedFields").toString()).isEqualTo("[\"address\"]");
        assertThat(versions.at("/items/0/reason").asString()).isEqualTo("Customer moved house");
        assertThat(versions.at("/items/1/version").asInt()).isEqualTo(1);
        assertThat(versions.at("/items/1/changedBy").asString()).isEqualTo("test-user");
        assertThat(versions.at("/items/1/changedFields").toString()).contains("givenName", "email", "address");
        assertThat(versions.path("nextCursor").isMissingNode()
                        || versions.path("nextCursor").isNull())
                .isTrue();
    }

    @Test
    void mergePatchMergesObjectsAndRemovesNulls() {
        JsonNode patched = api.patched(
                id,
                1,
                Map.of(
                        "attributes", java.util.Collections.singletonMap("tier", null),
                        "address", Map.of("postalCode", "SW1Y 4LE"),
                        "phone", "+1 202 555 0143"));

        assertThat(patched.at("/attributes").toString()).isEqualTo("{\"source\":\"web\"}");
        assertThat(patched.at("/address/line1").asString()).isEqualTo("12 St James's Square");
        assertThat(patched.at("/address/postalCode").asString()).isEqualTo("SW1Y 4LE");
        assertThat(patched.at("/address/country").asString()).isEqualTo("GB");
        assertThat(patched.at("/phone").asString()).isEqualTo("+12025550143");
    }

    @Test
    void acceptsPlainJsonPatchesTooButNotOtherMediaTypes() {
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("familyName", "King"))
                .exchange()
                .expectStatus()
                .isOk();
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("If-Match", "\"2\"")
                .contentType(MediaType.TEXT_PLAIN)
                .body("familyName=Byron")
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }

    @Test
    void requiresIfMatch() {
        api.patch(id, null, Map.of("givenName", "Augusta"))
                .expectStatus()
                .isEqualTo(428)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("precondition-required");
    }

    @Test
    void rejectsStaleIfMatchNamingTheCurrentVersion() {
        api.patched(id, 1, Map.of("givenName", "Augusta"));

        api.patch(id, "\"1\"", Map.of("givenName", "Ada Augusta"))
                .expectStatus()
                .isEqualTo(412)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version-conflict")
                .jsonPath("$.currentVersion")
                .isEqualTo(2);
        assertThat(api.json("/api/v1/customers/" + id).path("givenName").asString())
                .isEqualTo("Augusta");
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        api.patch(id, "\"1\"", Map.of("givenName", "  Ada ", "email", "ADA.LOVELACE@example.org"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"");

        assertThat(api.json("/api/v1/customers/" + id + "/versions")
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "displayId", "prefix", "status", "version", "createdAt", "updatedAt"})
    void rejectsChangesOfImmutableFields(String field) {
        api.patch(id, "\"1\"", Map.of(field, "AC00000000007"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("immutable-field")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void rejectsUnknownFieldsAndInvalidValuesWithoutStoringAnything() {
        api.patch(id, "\"1\"", Map.of("shoeSize", 42))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("shoeSize");
        api.patch(id, "\"1\"", Map.of("email", "nope", "address", Map.of("country", "XX")))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains("email", "address.country"));
        api.patch(id, "\"1\"", Map.of("preferences", Map.of("contactChannels", List.of("FAX"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("preferences.contactChannels[0]");
        api.patch(id, "\"1\"", java.util.Arrays.asList("not", "an", "object"))
                .expectStatus()
                .isBadRequest();

        assertThat(api.json("/api/v1/customers/" + id).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void removesAFieldWithNullAndThenLeavesItOutOfEveryAnswer() {
        String ada = api.created(Map.of("givenName", "Ada", "phone", "+44 20 7946 0958"))
                .path("id")
                .asString();
        Map<String, Object> removePhone = new java.util.HashMap<>();
        removePhone.put("phone", null);

        JsonNode patched = api.patched(ada, 1, removePhone);

        assertThat(patched.has("phone")).isFalse();
        JsonNode read = api.json("/api/v1/customers/" + ada);
        assertThat(read.path("givenName").asString()).isEqualTo("Ada");
        assertThat(read.has("phone")).isFalse();
        assertThat(read.has("mergedInto")).isFalse();
        assertThat(read.has("address")).isFalse();
        assertThat(api.json("/api/v1/customers/" + ada + "/versions").has("nextCursor"))
                .isFalse();
    }

    @Test
    void rejectsRemovingEveryNameAndContactDetail() {
        Map<String, Object> removeAll = new java.util.HashMap<>();
        for (String field : List.of("givenName", "familyName", "email", "phone")) {
            removeAll.put(field, null);
        }
        api.patch(id, "\"1\"", removeAll)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed");
    }

    @Test
    void answersNotModifiedForTheCurrentETag() {
        api.get("/api/v1/customers/" + id).expectHeader().valueEquals("ETag", "\"1\"");
        client.get()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .ifNoneMatch("\"1\"")
                .exchange()
                .expectStatus()
                .isNotModified();

        api.patched(id, 1, Map.of("givenName", "Augusta"));

        client.get()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .ifNoneMatch("\"1\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"");
    }

    @Test
    void readsTheVersionInForceAtAnInstant() {
        JsonNode first = api.json("/api/v1/customers/" + id);
        JsonNode second = api.patched(id, 1, Map.of("givenName", "Augusta"));
        Instant created = Instant.parse(first.path("updatedAt").asString());
        Instant changed = Instant.parse(second.path("updatedAt").asString());

        assertThat(asOf(changed.minusNanos(1000)).path("version").asInt()).isEqualTo(1);
        assertThat(asOf(changed.minusNanos(1000)).path("givenName").asString()).isEqualTo("Ada");
        assertThat(asOf(changed).path("version").asInt()).isEqualTo(2);
        assertThat(asOf(changed.plusSeconds(3600)).path("givenName").asString()).isEqualTo("Augusta");
        api.get("/api/v1/customers/" + id + "?asOf=" + created.minusSeconds(1))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version-not-found");
        api.get("/api/v1/customers/" + id + "?asOf=yesterday")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid-parameter");
    }

    @Test
    void readsEveryPastVersion() {
        api.patched(id, 1, Map.of("givenName", "Augusta"));

        assertThat(api.json("/api/v1/customers/" + id + "/versions/1")
                        .path("givenName")
                        .asString())
                .isEqualTo("Ada");
        assertThat(api.json("/api/v1/customers/" + id + "/versions/2")
                        .path("givenName")
                        .asString())
                .isEqualTo("Augusta");
        api.get("/api/v1/customers/" + id + "/versions/3")
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("version-not-found");
    }

    @Test
    void pagesThroughVersionsNewestFirstWithOpaqueCursors() {
        for (int version = 1; version <= 4; version++) {
            api.patched(id, version, Map.of("givenName", "Name " + version));
        }
        List<Integer> seen = new ArrayList<>();
        String path = "/api/v1/customers/" + id + "/versions?limit=2";
        for (int page = 0; page < 10 && path != null; page++) {
            JsonNode body = api.json(path);
            body.path("items").forEach(item -> seen.add(item.path("version").asInt()));
            String next =
                    body.path("nextCursor").isString() ? body.path("nextCursor").asString() : null;
            path = next == null ? null : "/api/v1/customers/" + id + "/versions?limit=2&cursor=" + next;
        }

        assertThat(seen).containsExactly(5, 4, 3, 2, 1);
        api.get("/api/v1/customers/" + id + "/versions?cursor=garbage")
                .expectStatus()
                .isBadRequest();
        api.get("/api/v1/customers/" + id + "/versions?limit=0").expectStatus().isBadRequest();
    }

    @Test
    void stampsConsentChangesWithTheTimeOfTheChange() {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode patched =
                api.patched(id, 1, Map.of("preferences", Map.of("marketingConsent", true, "language", "en-gb")));

        assertThat(patched.at("/preferences/language").asString()).isEqualTo("en-GB");
        assertThat(Instant.parse(patched.at("/preferences/consentUpdatedAt").asString()))
                .isAfter(before);
    }

    private JsonNode asOf(Instant at) {
        return api.json("/api/v1/customers/" + id + "?asOf=" + at);
    }
}
