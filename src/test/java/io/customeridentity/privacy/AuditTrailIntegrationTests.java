package io.customeridentity.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail on the whole stack: a row with every field for each write (in its transaction) and each read of
 * personal data (queued, written moments later), one per customer a look-up returns and a {@code .miss} when it
 * returns none, the refused request, a merged customer's rows under its survivor, both queries with filters and
 * cursors, and never a personal value in the table.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

    private static final String CLIENT = "audit-test-app";
    /** An account number of this test class alone (other tests link the usual test IBANs to many customers). */
    private static final String ACCOUNT =
            "AUDIT" + Long.toString(System.nanoTime(), 36).toUpperCase();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    /** A caller of its own per test (so its rows are its own), with a client id. */
    private final String actor = "auditor-" + UUID.randomUUID();

    private final String token = TestTokens.sign(TestTokens.validClaims()
            .subject(actor)
            .claim("azp", CLIENT)
            .claim("scope", TestTokens.ALL_SCOPES)
            .build());

    private final List<String> sent = new ArrayList<>();

    @Test
    void auditsEveryWriteInItsTransactionWithItsCallerAndOutcome() {
        String ada = register("write-1");
        String second = register("write-2");
        ok(send("PATCH", "/api/v1/customers/" + ada, "r-patch", Map.of("familyName", personal("Byron")), "\"1\""));
        ok(send("POST", "/api/v1/customers/" + ada + "/interactions", "r-interaction", interaction("one"), null));
        ok(send(
                "POST",
                "/api/v1/interactions/batch",
                "r-batch",
                Map.of(
                        "items",
                        List.of(withCustomer(interaction("two"), ada), withCustomer(interaction("three"), ada))),
                null));
        String linkId = ok(send(
                        "POST",
                        "/api/v1/customers/" + ada + "/accounts",
                        "r-link",
                        Map.of("accountNumber", ACCOUNT, "type", "OTHER", "label", personal("Pocket money")),
                        null))
                .path("linkId")
                .asString();
        ok(send("DELETE", "/api/v1/customers/" + ada + "/accounts/" + linkId, "r-unlink", null, null));
        String refId = ok(send(
                        "POST",
                        "/api/v1/customers/" + ada + "/external-refs",
                        "r-ref",
                        Map.of("system", "crm", "externalId", personal("CRM-" + UUID.randomUUID())),
                        null))
                .path("refId")
                .asString();
        ok(send("DELETE", "/api/v1/customers/" + ada + "/external-refs/" + refId, "r-ref-end", null, null));
        String mergeId = ok(send(
                        "POST",
                        "/api/v1/customers/" + ada + "/merges",
                        "r-merge",
                        Map.of("mergedCustomerId", second, "reason", personal("Ada signed up twice")),
                        "\"2\""))
                .path("mergeId")
                .asString();
        ok(send(
                "POST",
                "/api/v1/customers/" + ada + "/merges/" + mergeId + "/reversal",
                "r-reversal",
                Map.of("reason", personal("Not Ada after all")),
                null));
        ok(send("GET", "/api/v1/customers/" + second + "/export", "r-export", null, null));
        ok(send(
                "POST",
                "/api/v1/customers/" + second + "/erasure",
                "r-erase",
                Map.of("reason", personal("Erasure ticket of Ada")),
                null));

        List<Map<String, Object>> writes = rows("action NOT LIKE '%.read%' AND action NOT LIKE '%.list'");
        assertThat(writes)
                .extracting(row -> row.get("action") + " " + row.get("customer_id") + " " + row.get("request_id") + " "
                        + row.get("outcome"))
                .containsExactly(
                        "customer.register " + ada + " r-write-1 201",
                        "customer.register " + second + " r-write-2 201",
                        "customer.update " + ada + " r-patch 200",
                        "interaction.record " + ada + " r-interaction 201",
                        "interaction.record " + ada + " r-batch 201",
                        "interaction.record " + ada + " r-batch 201",
                        "account.link " + ada + " r-link 201",
                        "account.unlink " + ada + " r-unlink 204",
                        "external_ref.map " + ada + " r-ref 201",
                        "external_ref.end " + ada + " r-ref-end 204",
                        "customer.merge " + ada + " r-merge 200",
                        "customer.merge " + second + " r-merge 200",
                        "customer.merge_reversal " + ada + " r-reversal 200",
                        "customer.merge_reversal " + second + " r-reversal 200",
                        "customer.export " + second + " r-export 200",
                        "customer.erase " + second + " r-erase 200");
        assertThat(writes).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo(actor);
            assertThat(row.get("client")).isEqualTo(CLIENT);
            assertThat(row.get("client_ip")).isEqualTo("127.0.0.1");
            assertThat(row.get("id")).isNotNull();
            assertThat((Instant) row.get("at")).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(writes.get(0).get("disclosed")).isEqualTo(List.of());
        assertThat(writes.get(14).get("disclosed"))
                .isEqualTo(List.of(
                        "profileVersions",
                        "consentHistory",
                        "interactions",
                        "accountLinks",
                        "externalRefs",
                        "merges",
                        "accessAudit"));
        assertNoPersonalValueIsStored();
    }

    @Test
    void auditsEveryReadWithTheCustomersItShowsAndTheFieldsItDisclosed() {
        String email = personal("reader-" + UUID.randomUUID() + "@example.org");
        String ada = register("read-1", Map.of("email", email));
        String other = register("read-2");
        ok(send("POST", "/api/v1/customers/" + ada + "/interactions", "w", interaction("read"), null));
        ok(send(
                "POST",
                "/api/v1/customers/" + ada + "/accounts",
                "w",
                Map.of("accountNumber", ACCOUNT, "type", "OTHER"),
                null));

        JsonNode shown = ok(send("GET", "/api/v1/customers/" + ada, "read-" + ++reads, null, null));
        assertThat(shown.has("disclosed"))
                .as("the audit's names are not part of the answer")
                .isFalse();
        read("GET", "/api/v1/customers/" + ada + "?asOf=" + Instant.now().plusSeconds(1), null);
        read("GET", "/api/v1/customers/" + ada + "/versions", null);
        read("GET", "/api/v1/customers/" + ada + "/versions/1", null);
        read("GET", "/api/v1/customers/" + ada + "/accounts", null);
        read("POST", "/api/v1/accounts/resolve", Map.of("accountNumber", ACCOUNT));
        read("POST", "/api/v1/accounts/resolve", Map.of("accountNumber", "NOBODY" + ACCOUNT));
        JsonNode matches = ok(send("POST", "/api/v1/resolve", "read-" + ++reads, Map.of("email", email), null));
        assertThat(matches.has("returnedCustomers")).isFalse();
        read("POST", "/api/v1/resolve", Map.of("email", personal("nobody-" + UUID.randomUUID() + "@example.org")));
        read("GET", "/api/v1/customers/" + ada + "/duplicates", null);
        read("GET", "/api/v1/customers/" + ada + "/interactions", null);
        read("GET", "/api/v1/customers/" + ada + "/summary", null);
        read("GET", "/api/v1/customers/" + ada + "/external-refs", null);
        read("GET", "/api/v1/customers/" + ada + "/merges", null);

        List<Map<String, Object>> reads = awaitRows("request_id LIKE 'read-%'", 14);
        assertThat(reads)
                .extracting(row -> row.get("request_id") + " " + row.get("action") + " " + row.get("customer_id") + " "
                        + row.get("outcome") + " " + row.get("disclosed"))
                .containsExactlyInAnyOrder(
                        "read-1 customer.read " + ada + " 200 [name, email, phone]",
                        "read-2 customer.read " + ada + " 200 [name, email, phone]",
                        "read-3 customer.versions.list " + ada + " 200 []",
                        "read-4 customer.version.read " + ada + " 200 [name, email, phone]",
                        "read-5 account.list " + ada + " 200 [account.masked]",
                        "read-6 account.resolve " + ada + " 200 []",
                        "read-7 account.resolve.miss null 200 []",
                        "read-8 customer.resolve " + ada + " 200 []",
                        "read-9 customer.resolve.miss null 200 []",
                        "read-10 customer.duplicates.miss null 200 []",
                        "read-11 interaction.timeline " + ada + " 200 [interaction.subject, interaction.note]",
                        "read-12 interaction.summary " + ada + " 200 [interaction.summary]",
                        "read-13 external_ref.list " + ada + " 200 []",
                        "read-14 merge.list " + ada + " 200 []");
        assertThat(reads).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo(actor);
            assertThat(row.get("client")).isEqualTo(CLIENT);
            assertThat(row.get("client_ip")).isEqualTo("127.0.0.1");
        });
        assertThat(other).isNotEqualTo(ada);
        assertNoPersonalValueIsStored();
    }

    @Test
    void recordsExactlyWhatAMaskedAnswerShowed() {
        String ada = register(
                "masked-1",
                Map.of(
                        "address",
                        Map.of(
                                "line1",
                                personal("12 Audit Row"),
                                "city",
                                "London",
                                "postalCode",
                                personal("NW1 6XE"),
                                "country",
                                "GB"),
                        "attributes",
                        Map.of("tier", personal("gold-audit"))));
        String masked = TestTokens.sign(TestTokens.validClaims()
                .subject(actor)
                .claim("azp", CLIENT)
                .claim("scope", TestTokens.ALL_BUT_PII)
                .build());

        JsonNode shown = ok(client.get()
                .uri("/api/v1/customers/" + ada)
                .header("Authorization", "Bearer " + masked)
                .header("X-Request-Id", "read-masked")
                .exchange());
        read("GET", "/api/v1/customers/" + ada, null);

        assertThat(shown.path("masked").asBoolean()).isTrue();
        assertThat(awaitRows("request_id IN ('read-masked', 'read-1')", 2))
                .extracting(row -> row.get("request_id") + " " + row.get("disclosed"))
                .containsExactlyInAnyOrder(
                        "read-masked [name, email:masked, phone:masked, address:partial]",
                        "read-1 [name, email, phone, address, attributes]");
        assertNoPersonalValueIsStored();
    }

    @Test
    void auditsOneReadPerCustomerALookUpReturns() {
        String email = personal("shared-" + UUID.randomUUID() + "@example.org");
        String given = personal(name());
        String family = personal(name());
        String first = register("dup-1", Map.of("email", email, "givenName", given, "familyName", family));
        String second = register("dup-2", Map.of("email", email, "givenName", given, "familyName", family));

        read("POST", "/api/v1/resolve", Map.of("email", email));
        read("GET", "/api/v1/customers/" + first + "/duplicates", null);

        assertThat(awaitRows("request_id LIKE 'read-%'", 3))
                .extracting(row -> row.get("request_id") + " " + row.get("action") + " " + row.get("customer_id"))
                .containsExactlyInAnyOrder(
                        "read-1 customer.resolve " + first,
                        "read-1 customer.resolve " + second,
                        "read-2 customer.duplicates " + second);
    }

    @Test
    void findsTheAuditOfAMergedCustomerUnderTheSurvivor() {
        String survivor = register("m-1");
        String merged = register("m-2");
        read("GET", "/api/v1/customers/" + merged, null);
        awaitRows("request_id = 'read-1'", 1);
        ok(send(
                "POST",
                "/api/v1/customers/" + survivor + "/merges",
                "m-merge",
                Map.of("mergedCustomerId", merged, "reason", "same"),
                "\"1\""));

        JsonNode items = ok(send("GET", "/api/v1/customers/" + survivor + "/audit?limit=200", "q", null, null))
                .path("items");
        List<String> seen = new ArrayList<>();
        items.forEach(item -> seen.add(
                item.path("action").asString() + " " + item.path("customerId").asString()));
        assertThat(seen)
                .containsExactly(
                        "customer.merge " + merged,
                        "customer.merge " + survivor,
                        "customer.read " + merged,
                        "customer.register " + merged,
                        "customer.register " + survivor);
        JsonNode read = items.get(2);
        assertThat(read.path("actor").asString()).isEqualTo(actor);
        assertThat(read.path("client").asString()).isEqualTo(CLIENT);
        assertThat(read.path("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(read.path("requestId").asString()).isEqualTo("read-1");
        assertThat(read.path("outcome").asInt()).isEqualTo(200);
        assertThat(read.path("disclosed")).hasSize(3);
        assertThat(read.path("id").asString()).isNotBlank();
        assertThat(read.path("at").asString()).isNotBlank();
    }

    @Test
    void pagesAndFiltersBothAuditQueries() {
        String ada = register("p-0");
        for (int i = 0; i < 5; i++) {
            read("GET", "/api/v1/customers/" + ada, null);
        }
        awaitRows("request_id LIKE 'read-%'", 5);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(send(
                    "GET",
                    "/api/v1/customers/" + ada + "/audit?action=customer.read&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor),
                    "q",
                    null,
                    null));
            page.path("items").forEach(item -> paged.add(item.path("requestId").asString()));
            cursor = page.path("nextCursor").isMissingNode()
                    ? null
                    : page.path("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactly("read-5", "read-4", "read-3", "read-2", "read-1");
        assertThat(pages).isEqualTo(3);

        JsonNode byCaller = ok(send("GET", "/api/v1/audit?actor=" + actor + "&limit=200", "q", null, null))
                .path("items");
        assertThat(byCaller).hasSize(6);
        assertThat(byCaller.get(0).path("requestId").asString()).isEqualTo("read-5");
        assertThat(byCaller.get(5).path("action").asString()).isEqualTo("customer.register");

        JsonNode byClientAndAction = ok(send(
                        "GET",
                        "/api/v1/audit?client=" + CLIENT + "&action=customer.register&limit=200",
                        "q",
                        null,
                        null))
                .path("items");
        assertThat(byClientAndAction).isNotEmpty().allSatisfy(item -> {
            assertThat(item.path("client").asString()).isEqualTo(CLIENT);
            assertThat(item.path("action").asString()).isEqualTo("customer.register");
        });

        Instant third =
                Instant.parse(rows("request_id = 'read-3'").get(0).get("at").toString());
        JsonNode window = ok(send(
                        "GET",
                        "/api/v1/audit?actor=" + actor + "&from=" + third + "&to=" + third.plusNanos(1000)
                                + "&limit=10",
                        "q",
                        null,
                        null))
                .path("items");
        assertThat(window).extracting(item -> item.path("requestId").asString()).contains("read-3");
        assertThat(window)
                .allSatisfy(item ->
                        assertThat(Instant.parse(item.path("at").asString())).isEqualTo(third));
    }

    @Test
    void answersBadAuditQueriesWithProblems() {
        for (String query : List.of(
                "/api/v1/audit?limit=0",
                "/api/v1/audit?limit=201",
                "/api/v1/audit?cursor=bm9wZQ",
                "/api/v1/audit?action=DROP%20TABLE",
                "/api/v1/audit?actor=",
                "/api/v1/audit?from=yesterday",
                "/api/v1/customers/AC12345678901/audit")) {
            int status = send("GET", query, "bad", null, null)
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getStatus()
                    .value();
            assertThat(status).as(query).isBetween(400, 499);
        }
    }

    @Test
    void auditsARateLimitedRequestAsRefused() {
        String limited = TestTokens.sign(TestTokens.validClaims()
                .subject(actor)
                .claim("azp", "audit-test-limited")
                .build());
        for (int i = 1; i <= 2; i++) {
            client.get()
                    .uri("/api/v1/prefixes")
                    .header("Authorization", "Bearer " + limited)
                    .header("X-Request-Id", "limited-" + i)
                    .exchange();
        }
        List<Map<String, Object>> refused = awaitRows("action = 'request.rate_limited'", 1);
        assertThat(refused).hasSize(1);
        Map<String, Object> row = refused.get(0);
        assertThat(row.get("request_id")).isEqualTo("limited-2");
        assertThat(row.get("client")).isEqualTo("audit-test-limited");
        assertThat(row.get("outcome")).isEqualTo(429);
        assertThat(row.get("customer_id")).isNull();
        assertThat(row.get("disclosed")).isEqualTo(List.of());
    }

    @Test
    void refusesToRewriteTheAuditTrail() {
        String ada = register("rewrite");
        for (String sql : List.of(
                "UPDATE audit_events SET actor = 'mallory' WHERE customer_id = :id",
                "DELETE FROM audit_events WHERE customer_id = :id",
                "TRUNCATE audit_events")) {
            assertThatThrownBy(() -> jdbc.sql(sql)
                            .paramSource(new HashMap<>(Map.of("id", ada)))
                            .update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(rows("customer_id = '" + ada + "'")).hasSize(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String register(String requestId) {
        return register(requestId, Map.of());
    }

    private String register(String requestId, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", personal(name()));
        body.put("familyName", personal(name()));
        body.put("email", personal("ada-" + UUID.randomUUID() + "@example.org"));
        body.put("phone", personal("+44 20 7" + String.format("%07d", (int) (Math.random() * 10_000_000))));
        body.putAll(changes);
        return ok(send("POST", "/api/v1/customers", "r-" + requestId, body, null))
                .path("id")
                .asString();
    }

    /**
     * A name of random letters: customers of these tests are not one another's likely duplicates (fixed names would
     * share their phonetic codes, and so a match key).
     */
    private static String name() {
        String consonants = "BCDFGHJKLMNPRSTVZ";
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(consonants.charAt(random.nextInt(consonants.length())))
                    .append("aeiou".charAt(random.nextInt(5)));
        }
        return name.charAt(0) + name.substring(1).toLowerCase();
    }

    private Map<String, Object> interaction(String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "SUPPORT_CONTACT");
        body.put("channel", "PHONE");
        body.put("source", "callcentre");
        body.put("externalId", "call-" + UUID.randomUUID());
        body.put("subject", personal("Ada's broken card " + tag));
        body.put("note", personal("She lives at 12 Marylebone Street " + tag));
        return body;
    }

    private static Map<String, Object> withCustomer(Map<String, Object> item, String customerId) {
        item.put("customerId", customerId);
        return item;
    }

    /** A personal value this test sends, to be looked for in the audit table. */
    private String personal(String value) {
        sent.add(value);
        return value;
    }

    private int reads;

    private void read(String method, String path, Object body) {
        ok(send(method, path, "read-" + ++reads, body, null));
    }

    private RestTestClient.ResponseSpec send(
            String method, String path, String requestId, Object body, String ifMatch) {
        RestTestClient.RequestBodySpec request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange();
    }

    private static JsonNode ok(RestTestClient.ResponseSpec response) {
        return response.expectStatus()
                .is2xxSuccessful()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private List<Map<String, Object>> awaitRows(String where, int count) {
        List<List<Map<String, Object>>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            found.add(0, rows(where));
            return found.get(0).size() >= count;
        });
        return found.get(0);
    }

    /** This test's caller's rows, oldest first, with {@code disclosed} as a list and times as instants. */
    private List<Map<String, Object>> rows(String where) {
        return jdbc.sql("SELECT id, at, actor, client, client_ip, request_id, action, customer_id, outcome,"
                        + " array_to_string(disclosed, ',') AS disclosed FROM audit_events WHERE actor = :actor AND ("
                        + where + ") ORDER BY at, id")
                .param("actor", actor)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getObject("id"));
                    row.put("at", rs.getTimestamp("at").toInstant());
                    row.put("actor", rs.getString("actor"));
                    row.put("client", rs.getString("client"));
                    row.put("client_ip", rs.getString("client_ip"));
                    row.put("request_id", rs.getString("request_id"));
                    row.put("action", rs.getString("action"));
                    row.put("customer_id", rs.getString("customer_id"));
                    row.put("outcome", rs.getInt("outcome"));
                    String disclosed = rs.getString("disclosed");
                    row.put("disclosed", disclosed.isEmpty() ? List.of() : List.of(disclosed.split(",")));
                    return row;
                })
                .list();
    }

    /** The whole audit table as text holds none of the personal values this test sent (nor their lower case). */
    private void assertNoPersonalValueIsStored() {
        await().atMost(Duration.ofSeconds(5)).until(() -> rows("TRUE").size() > 0);
        String table = String.join(
                "\n",
                jdbc.sql("SELECT t::text FROM audit_events t")
                        .query(String.class)
                        .list());
        Consumer<String> absent = value -> assertThat(table)
                .as("the audit table holds a value the test sent")
                .doesNotContain(value)
                .doesNotContain(value.toLowerCase());
        sent.forEach(absent);
        absent.accept(ACCOUNT);
    }
}
