package io.customeridentity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import io.customeridentity.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ResolutionIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    ResolutionApi api;

    @BeforeEach
    void setUp() {
        api = new ResolutionApi(client);
    }

    @Test
    void mapsExternalIdsToOneCustomerAtATime() {
        String holder = api.customer(Map.of());
        String other = api.customer(Map.of());
        String externalId = "003-" + UUID.randomUUID();
        Map<String, Object> ref = Map.of("system", "salesforce", "externalId", externalId);

        JsonNode created = api.post("/api/v1/customers/" + holder + "/external-refs", ref, null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        api.post("/api/v1/customers/" + holder + "/external-refs", ref, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.refId")
                .isEqualTo(created.path("refId").asString());
        api.post("/api/v1/customers/" + other + "/external-refs", ref, null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("external-ref-taken")
                .jsonPath("$.holder")
                .isEqualTo(holder);

        client.delete()
                .uri(
                        "/api/v1/customers/{id}/external-refs/{ref}",
                        holder,
                        created.path("refId").asString())
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(api.get("/api/v1/customers/" + holder + "/external-refs")
                        .path("items")
                        .size())
                .isZero();
        JsonNode history = api.get("/api/v1/customers/" + holder + "/external-refs?includeEnded=true")
                .path("items");
        assertThat(history.at("/0/endedAt").asString()).isNotBlank();
        api.post("/api/v1/customers/" + other + "/external-refs", ref, null)
                .expectStatus()
                .isCreated();
        assertThat(api.resolve(Map.of("externalRef", ref)).at("/0/customerId").asString())
                .isEqualTo(other);
    }

    @Test
    void rejectsMalformedExternalRefs() {
        String customer = api.customer(Map.of());
        api.post(
                        "/api/v1/customers/" + customer + "/external-refs",
                        Map.of("system", "Sales Force", "externalId", "x"),
                        null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("system");
        client.delete()
                .uri("/api/v1/customers/{id}/external-refs/{ref}", customer, UUID.randomUUID())
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void resolvesEveryKindOfIdentifier() {
        String email = "Shared." + UUID.randomUUID() + "@Example.org";
        String one = api.customer(Map.of("email", email, "phone", "+1 202 555 0177"));
        String two = api.customer(Map.of("email", email.toLowerCase()));

        assertThat(ids(api.resolve(Map.of("email", email.toUpperCase())))).containsExactlyInAnyOrder(one, two);
        assertThat(api.resolve(Map.of("email", email)).at("/0/matchedBy").asString())
                .isEqualTo("email");
        assertThat(ids(api.resolve(Map.of("phone", "+1 (202) 555-0177"))))
                .contains(one)
                .doesNotContain(two);
        JsonNode byId = api.resolve(
                Map.of("customerId", CustomerId.parse(one).displayForm().toLowerCase()));
        assertThat(byId.at("/0/customerId").asString()).isEqualTo(one);
        assertThat(byId.at("/0/status").asString()).isEqualTo("ACTIVE");
        assertThat(byId.path(0).has("resolvedFrom")).isFalse();
        assertThat(api.resolve(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org"))
                        .size())
                .isZero();
        assertThat(api.resolve(Map.of(
                                "customerId", CustomerId.of("BK", "0000000005").value()))
                        .size())
                .isZero();
    }

    @Test
    void demandsExactlyOneValidIdentifier() {
        api.post("/api/v1/resolve", Map.of(), null).expectStatus().isBadRequest();
        api.post("/api/v1/resolve", Map.of("email", "a@example.org", "phone", "+12025550177"), null)
                .expectStatus()
                .isBadRequest();
        api.post("/api/v1/resolve", Map.of("email", "not-an-email"), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
        api.post("/api/v1/resolve", Map.of("customerId", "AC12345678901"), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("check-digit-mismatch");
    }

    @Test
    void listsLikelyDuplicatesBestFirstWithReasons() {
        String email = UUID.randomUUID() + "@example.org";
        // 0210-0298: numbers no other test uses, so that only this test's customers share the phone.
        String phone = "+4420794602" + (10 + new java.util.Random().nextInt(89));
        String postcode = "Z" + UUID.randomUUID().toString().substring(0, 5);
        Map<String, Object> address = Map.of("line1", "1 Test Street", "postalCode", postcode, "country", "GB");
        // A name of this test alone: every customer here but the unrelated one has it. Its letters differ from the
        // first one on, since the match keys hold phonetic codes of a name's first sounds ("Lovelace" + anything
        // would share its key with every other test's Ada Lovelace).
        String given = "Q" + uniqueLetters();
        String family = "X" + uniqueLetters();
        String me = api.customer(
                Map.of("givenName", given, "familyName", family, "email", email, "phone", phone, "address", address));
        String sameEmail = api.customer(Map.of("givenName", given, "familyName", family, "email", email));
        String samePhone = api.customer(Map.of("givenName", given, "familyName", family, "phone", phone));
        String sameNameAndPostcode = api.customer(Map.of("givenName", given, "familyName", family, "address", address));
        String sameAccount = api.customer(Map.of("givenName", given, "familyName", family));
        String sameExternalRef = api.customer(Map.of("givenName", given, "familyName", family));
        String unrelated = api.customer(Map.of("givenName", "Grace", "familyName", "Hopper" + uniqueLetters()));
        String card = aCardNumber(); // of this test alone: other tests link the well-known test numbers
        api.post("/api/v1/customers/" + me + "/accounts", Map.of("accountNumber", card, "type", "CARD"), null)
                .expectStatus()
                .isCreated();
        api.post("/api/v1/customers/" + sameAccount + "/accounts", Map.of("accountNumber", card, "type", "CARD"), null)
                .expectStatus()
                .isCreated();
        Map<String, Object> ref = Map.of("system", "legacy-crm", "externalId", "L-" + UUID.randomUUID());
        String refId = api.ok(api.post("/api/v1/customers/" + me + "/external-refs", ref, null))
                .path("refId")
                .asString();
        client.delete()
                .uri("/api/v1/customers/{id}/external-refs/{ref}", me, refId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNoContent();
        api.post("/api/v1/customers/" + sameExternalRef + "/external-refs", ref, null)
                .expectStatus()
                .isCreated();

        JsonNode duplicates = api.get("/api/v1/customers/" + me + "/duplicates").path("items");

        assertThat(ids(duplicates))
                .containsExactlyInAnyOrder(sameExternalRef, sameAccount, sameEmail, samePhone, sameNameAndPostcode)
                .doesNotContain(unrelated, me);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        duplicates.forEach(item -> byId.put(item.path("customerId").asString(), item));
        assertThat(reasons(byId.get(sameExternalRef))).contains("externalRef:exact", "familyName:exact");
        assertThat(reasons(byId.get(sameAccount))).contains("accountNumber:exact");
        assertThat(reasons(byId.get(sameEmail))).contains("email:exact");
        assertThat(reasons(byId.get(samePhone))).contains("phone:exact");
        assertThat(reasons(byId.get(sameNameAndPostcode)))
                .contains("address.postalCode:exact", "address.line1:exact", "givenName:exact");
        for (int i = 1; i < duplicates.size(); i++) {
            assertThat(duplicates.get(i - 1).path("score").decimalValue())
                    .as("best first")
                    .isGreaterThanOrEqualTo(duplicates.get(i).path("score").decimalValue());
        }
    }

    private static List<String> reasons(JsonNode item) {
        List<String> reasons = new ArrayList<>();
        item.path("reasons")
                .forEach(reason -> reasons.add(reason.path("field").asString() + ":"
                        + reason.path("level").asString()));
        return reasons;
    }

    /** A random Visa-like number with a valid Luhn check digit. */
    private static String aCardNumber() {
        java.util.Random random = new java.util.Random();
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int digit = digits.charAt(14 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    /** Letters only (names are folded to letters for matching), unique to the call. */
    private static String uniqueLetters() {
        StringBuilder letters = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    /** The duplicate and merge-chain queries, as the service runs them, use indexes only: no table is scanned. */
    @Test
    void findsDuplicatesAndFollowsMergesWithoutScanningTables() {
        String id = api.customer(Map.of());
        List<String> queries = List.of("""
                SELECT other.customer_id, other.kind FROM customer_contact_index mine
                JOIN customer_contact_index other ON other.kind = mine.kind AND other.blind_index = mine.blind_index
                 AND other.customer_id <> mine.customer_id WHERE mine.customer_id = '%s'""", """
                SELECT DISTINCT other.customer_id FROM account_link_lookups mine
                JOIN account_link_lookups other ON other.fingerprint = mine.fingerprint
                 AND other.customer_id <> mine.customer_id
                WHERE mine.customer_id = '%s'
                  AND NOT EXISTS (SELECT 1 FROM account_unlinks u WHERE u.link_id = mine.link_id)
                  AND NOT EXISTS (SELECT 1 FROM account_unlinks u WHERE u.link_id = other.link_id)""", """
                SELECT DISTINCT other.customer_id FROM external_ref_ids mine
                JOIN external_ref_ids other ON other.system = mine.system AND other.external_id = mine.external_id
                 AND other.customer_id <> mine.customer_id WHERE mine.customer_id = '%s'""", """
                WITH RECURSIVE chain(id, depth) AS (
                    SELECT CAST('%s' AS varchar), 0
                    UNION ALL
                    SELECT m.survivor_id, c.depth + 1 FROM chain c JOIN customer_merges m ON m.merged_id = c.id
                    WHERE NOT EXISTS (SELECT 1 FROM customer_merge_reversals r WHERE r.merge_id = m.merge_id)
                      AND c.depth < 1000)
                SELECT cu.id, cu.status FROM chain c JOIN customers cu ON cu.id = c.id ORDER BY c.depth DESC LIMIT 1""", """
                WITH probe AS (SELECT DISTINCT unnest(ARRAY[decode('00112233445566778899aabbccddeeff', 'hex'),
                    (SELECT match_key FROM customer_match_keys WHERE customer_id = '%1$s' LIMIT 1)]) AS match_key),
                holders AS (
                    SELECT p.match_key, h.customer_id FROM probe p
                    CROSS JOIN LATERAL (SELECT k.customer_id FROM customer_match_keys k WHERE k.match_key = p.match_key
                        LIMIT 51) h),
                usable AS (SELECT match_key FROM holders GROUP BY match_key HAVING count(*) <= 50)
                SELECT h.customer_id FROM holders h JOIN usable u ON u.match_key = h.match_key
                WHERE h.customer_id IS DISTINCT FROM CAST('%1$s' AS varchar)
                GROUP BY h.customer_id ORDER BY count(*) DESC, h.customer_id LIMIT 20""");
        for (String query : queries) {
            String plan = transactions.execute(status -> {
                // Tiny test tables would make a scan the cheapest plan; forbid it to prove an index path exists.
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                return String.join(
                        "\n",
                        jdbc.sql("EXPLAIN " + query.formatted(id))
                                .query(String.class)
                                .list());
            });
            assertThat(plan).as(plan).doesNotContain("Seq Scan");
        }
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("customerId").asString()));
        return ids;
    }
}
