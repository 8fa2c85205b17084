package io.customeridentity.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.crypto.AssociatedData;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestDatabaseConfiguration;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.wire.WireRecorder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Erasure forgets a person everywhere: no table (dumped whole with COPY), no ciphertext that any remaining key opens,
 * no log line and no answer holds any of their values afterwards, while the other customer, the summary and the
 * history's shape stay; every read answers the tombstone and every write 409 customer-erased, also after a restart.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureIntegrationTests {

    private static final String ERASE = "Art. 17 request, ticket PRIV-2041";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${customer-identity.crypto.master-key}")
    String masterKey;

    @Test
    void forgetsThePersonEverywhereAndKeepsEverythingElse(CapturedOutput output) throws Exception {
        ErasureValues erased = new ErasureValues(System.nanoTime());
        ErasureValues other = new ErasureValues(System.nanoTime() + 1);
        CustomerApi api = new CustomerApi(client);

        // The person: a profile over three versions (reasons), a duplicate merged in (with a reason), interactions
        // with free text, an IBAN, a card, a joint IBAN, an external ref, an idempotency key.
        String person = register(erased, "", "idem-" + UUID.randomUUID());
        api.patch(person, "\"1\"", Map.of("familyName", erased.text("familyName2")))
                .expectStatus()
                .isOk();
        changeWithReason(
                person,
                2,
                Map.of("givenName", erased.text("givenName2"), "phone", erased.phone("phone2")),
                erased.text("changeReason"));
        // The duplicate is the same person: its values are the person's.
        String duplicate = register(erased, "duplicate.", null);
        api.patched(duplicate, 1, Map.of("email", erased.email("duplicate.email2")));
        String interactionOfDuplicate = interaction(duplicate, "NOTE", erased.text("duplicateNote"), null);
        merge(person, duplicate, erased.text("mergeReason"));
        String purchase = interaction(person, "PURCHASE", erased.text("purchaseNote"), erased.text("purchaseSubject"));
        interaction(person, "FEEDBACK", erased.text("feedbackNote"), null);
        String ownIban = erased.iban("iban");
        String card = erased.card("card");
        String ownLink = link(person, ownIban, "IBAN", erased.text("ibanLabel"));
        link(person, card, "CARD", erased.text("cardLabel"));
        String jointIban = other.iban("jointIban");
        link(person, jointIban, "IBAN", null);
        String refId = externalRef(person, "crm", erased.text("externalId"));

        // The other customer: their own values, and the joint IBAN.
        String kept = register(other, "", null);
        String keptInteraction = interaction(kept, "NOTE", other.text("note"), other.text("subject"));
        String keptJointLink = link(kept, jointIban, "IBAN", other.text("jointLabel"));
        externalRef(kept, "crm", other.text("externalId"));
        JsonNode keptBefore = api.json("/api/v1/customers/" + kept);

        JsonNode summaryBefore = api.json("/api/v1/customers/" + person + "/summary");
        int versionBefore =
                api.json("/api/v1/customers/" + person).path("version").asInt();

        assertThat(rows("SELECT count(*) FROM customer_match_keys WHERE customer_id IN (:a, :b)", person, duplicate))
                .as("match keys before the erasure")
                .isPositive();
        JsonNode erasure = erase(person)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(erasure.path("customerId").asString()).isEqualTo(person);
        assertThat(erasure.path("status").asString()).isEqualTo("ERASED");
        Instant erasedAt = Instant.parse(erasure.path("erasedAt").asString());
        JsonNode again = erase(person)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(again).as("repeating answers the same").isEqualTo(erasure);
        assertThat(erase(duplicate)
                        .expectStatus()
                        .isOk()
                        .expectBody(JsonNode.class)
                        .returnResult()
                        .getResponseBody()
                        .path("erasedAt")
                        .asString())
                .as("the merged duplicate was erased with the person")
                .isEqualTo(erasedAt.toString());

        // Nothing in any table, in plaintext or hex; nothing in the log.
        String dump = dumpOfEveryTable().toLowerCase(Locale.ROOT);
        String logs = output.getAll().toLowerCase(Locale.ROOT);
        assertThat(dump).contains(person.toLowerCase(Locale.ROOT)).contains(kept.toLowerCase(Locale.ROOT));
        for (Map.Entry<String, String> secret : erased.secrets.entrySet()) {
            assertAbsent(dump, "the tables", secret);
            assertAbsent(logs, "the log", secret);
        }
        for (Map.Entry<String, String> secret : other.secrets.entrySet()) {
            assertAbsent(logs, "the log", secret);
        }

        // No ciphertext that a remaining key opens holds the person; the other customer's are all readable.
        String readable = everyCiphertextThatOpens().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> secret : erased.secrets.entrySet()) {
            assertThat(readable)
                    .as("a readable ciphertext holds %s", secret.getKey())
                    .doesNotContain(secret.getValue().toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, String> secret : other.secrets.entrySet()) {
            if (!secret.getKey().equals("externalId") && !secret.getKey().equals("jointLabel")) {
                assertThat(readable)
                        .as("the other customer's %s", secret.getKey())
                        .contains(secret.getValue().toLowerCase(Locale.ROOT));
            }
        }
        assertThat(rows("SELECT count(*) FROM customer_data_keys WHERE customer_id IN (:a, :b)", person, duplicate))
                .isZero();
        for (String table : List.of(
                "customer_contact_index",
                "customer_match_keys",
                "account_link_lookups",
                "external_ref_ids",
                "idempotency_keys")) {
            assertThat(rows("SELECT count(*) FROM " + table + " WHERE customer_id IN (:a, :b)", person, duplicate))
                    .as("look-up rows in %s", table)
                    .isZero();
        }

        // What stays: the tombstone, the versions' numbers, times and authors, the summary.
        assertTombstone(api, person, versionBefore, erasedAt);
        assertTombstone(api, duplicate, 2, erasedAt);
        assertThat(api.json("/api/v1/customers/" + person + "/summary")).isEqualTo(summaryBefore);
        JsonNode versions =
                api.json("/api/v1/customers/" + person + "/versions").path("items");
        assertThat(versions).hasSize(versionBefore);
        versions.forEach(version -> {
            assertThat(version.path("changedBy").asString()).isNotEmpty();
            assertThat(version.has("reason")).as("reasons are erased").isFalse();
        });
        JsonNode timeline =
                api.json("/api/v1/customers/" + person + "/interactions").path("items");
        assertThat(timeline).hasSize(3);
        timeline.forEach(item -> assertThat(item.has("note")
                        || item.has("subject")
                        || item.path("attributes").size() > 0)
                .as("interactions keep type, channel, times, amount and rating only")
                .isFalse());
        assertThat(api.json("/api/v1/customers/" + person + "/accounts?includeUnlinked=true")
                        .path("items"))
                .isEmpty();
        assertThat(api.json("/api/v1/customers/" + person + "/external-refs?includeEnded=true")
                        .path("items"))
                .isEmpty();
        JsonNode merges = api.json("/api/v1/customers/" + person + "/merges").path("items");
        assertThat(merges).hasSize(1);
        assertThat(merges.get(0).has("reason")).isFalse();

        // Resolution: by the ID the tombstone, by anything else nothing; the joint IBAN still finds the other holder.
        assertThat(resolve(Map.of("customerId", person)).get(0).path("status").asString())
                .isEqualTo("ERASED");
        assertThat(resolve(Map.of("email", erased.secrets.get("email")))).isEmpty();
        assertThat(resolve(Map.of("phone", erased.secrets.get("phone2")))).isEmpty();
        assertThat(resolve(
                        Map.of("externalRef", Map.of("system", "crm", "externalId", erased.secrets.get("externalId")))))
                .isEmpty();
        assertThat(resolveAccount(ownIban)).isEmpty();
        assertThat(resolveAccount(card)).isEmpty();
        JsonNode joint = resolveAccount(jointIban);
        assertThat(joint).hasSize(1);
        assertThat(joint.get(0).path("customerId").asString()).isEqualTo(kept);
        assertThat(joint.get(0).path("linkId").asString()).isEqualTo(keptJointLink);

        // Every write is 409 customer-erased; in a batch, that item is REJECTED with the code.
        assertErased(api.patch(person, "\"" + versionBefore + "\"", Map.of("givenName", "New")));
        assertErased(post("/api/v1/customers/" + person + "/interactions", interactionBody("NOTE", null, null), null));
        assertErased(post(
                "/api/v1/customers/" + person + "/accounts",
                Map.of("accountNumber", other.iban("newIban"), "type", "IBAN"),
                null));
        assertErased(delete("/api/v1/customers/" + person + "/accounts/" + ownLink));
        assertErased(post(
                "/api/v1/customers/" + person + "/external-refs",
                Map.of("system", "shop", "externalId", "x-" + UUID.randomUUID()),
                null));
        assertErased(delete("/api/v1/customers/" + person + "/external-refs/" + refId));
        String stranger = register(new ErasureValues(System.nanoTime() + 3), "", null);
        assertErased(post(
                "/api/v1/customers/" + person + "/merges",
                Map.of("mergedCustomerId", stranger, "reason", "same"),
                "\"" + versionBefore + "\""));
        assertErased(post(
                "/api/v1/customers/" + stranger + "/merges",
                Map.of("mergedCustomerId", person, "reason", "same"),
                "\"1\""));
        assertErased(post(
                "/api/v1/customers/" + person + "/merges/"
                        + merges.get(0).path("mergeId").asString() + "/reversal",
                Map.of(),
                null));
        Map<String, Object> batchItem = new LinkedHashMap<>(interactionBody("NOTE", null, null));
        batchItem.put("customerId", person);
        JsonNode batch = post("/api/v1/interactions/batch", Map.of("items", List.of(batchItem)), null)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(batch.path("results").get(0).path("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.path("results").get(0).path("error").path("code").asString())
                .isEqualTo("customer-erased");

        // The export answers the tombstone only.
        JsonNode export = api.json("/api/v1/customers/" + person + "/export");
        assertThat(export.path("status").asString()).isEqualTo("ERASED");
        assertThat(export.has("profileVersions") || export.has("interactions")).isFalse();

        // The change feed tells consumers to forget both customers of the group, with no personal data.
        assertThat(jdbc.sql("SELECT subject FROM events WHERE type = 'customer.erased' AND subject IN (:a, :b)")
                        .param("a", person)
                        .param("b", duplicate)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(person, duplicate);
        assertThat(jdbc.sql("SELECT data FROM events WHERE type = 'customer.erased' AND subject = :a")
                        .param("a", person)
                        .query(String.class)
                        .single())
                .isEqualTo("{\"customerId\":\"" + person + "\",\"erasedAt\":\"" + erasedAt + "\"}");

        // The other customer is intact.
        assertThat(api.json("/api/v1/customers/" + kept)).isEqualTo(keptBefore);
        JsonNode keptNote = api.json("/api/v1/customers/" + kept + "/interactions")
                .path("items")
                .get(0);
        assertThat(keptNote.path("id").asString()).isEqualTo(keptInteraction);
        assertThat(keptNote.path("note").asString()).isEqualTo(other.secrets.get("note"));
        assertThat(resolve(Map.of("email", other.secrets.get("email")))
                        .get(0)
                        .path("customerId")
                        .asString())
                .isEqualTo(kept);

        // A restarted instance brings nothing back.
        try (ConfigurableApplicationContext restarted = anotherInstance()) {
            CustomerApi fresh = new CustomerApi(clientOf(restarted));
            assertTombstone(fresh, person, versionBefore, erasedAt);
            assertThat(fresh.json("/api/v1/customers/" + person + "/summary")).isEqualTo(summaryBefore);
            assertThat(fresh.json("/api/v1/customers/" + kept)).isEqualTo(keptBefore);
        }
        assertThat(interactionOfDuplicate).isNotEmpty();
        assertThat(purchase).isNotEmpty();
    }

    @Test
    void refusesToDeleteDataKeysAndLookUpRowsOutsideTheErasure() {
        String customer = register(new ErasureValues(System.nanoTime()), "", null);

        for (String statement : List.of(
                "DELETE FROM customer_data_keys WHERE customer_id = :id",
                "UPDATE customer_data_keys SET customer_id = customer_id, key_id = gen_random_uuid() WHERE customer_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(statement).param("id", customer).update())
                    .hasMessageContaining("customer_data_keys");
        }
        // Even with the erasure's setting, the guard lets only an ERASED customer's rows go.
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
                    jdbc.sql("SELECT set_config('customer_identity.erasing', 'on', true)")
                            .query(String.class)
                            .single();
                    jdbc.sql("DELETE FROM customer_data_keys WHERE customer_id = :id")
                            .param("id", customer)
                            .update();
                }))
                .hasMessageContaining("erasure of an erased customer");
        assertThat(rows("SELECT count(*) FROM customer_data_keys WHERE customer_id IN (:a, :b)", customer, customer))
                .isOne();
    }

    @Test
    void refusesLookUpRowsOfAnErasedCustomerEvenFromAWriteThatRacedTheErasure() {
        String customer = register(new ErasureValues(System.nanoTime()), "", null);
        erase(customer).expectStatus().isOk();
        UUID ref = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO external_refs (ref_id, customer_id, system, linked_at, linked_by)
                        VALUES (:ref, :id, 'crm', now(), 'racing-writer')""").param("ref", ref).param("id", customer).update();

        assertThatThrownBy(() ->
                        jdbc.sql("""
                                INSERT INTO external_ref_ids (ref_id, customer_id, system, external_id)
                                VALUES (:ref, :id, 'crm', 'raced')""").param("ref", ref).param("id", customer).update())
                .hasMessageContaining("has been erased");
    }

    @Test
    void answersBadErasureRequestsWithProblems() {
        String customer = register(new ErasureValues(System.nanoTime()), "", null);

        post("/api/v1/customers/" + customer + "/erasure", Map.of("reason", " "), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed");
        post("/api/v1/customers/" + customer + "/erasure", Map.of("reason", "x".repeat(501)), null)
                .expectStatus()
                .isBadRequest();
        post(
                        "/api/v1/customers/" + CustomerId.of("BK", "0000000001").value() + "/erasure",
                        Map.of("reason", ERASE),
                        null)
                .expectStatus()
                .isNotFound();
        assertThat(new CustomerApi(client)
                        .json("/api/v1/customers/" + customer)
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    // --- the person's data ---------------------------------------------------------------------------------------

    /** Registers a customer with a distinctive value in every field, each kept as {@code <prefix><field>}. */
    private String register(ErasureValues values, String prefix, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", values.text(prefix + "givenName"));
        body.put("familyName", values.text(prefix + "familyName"));
        body.put("email", values.email(prefix + "email"));
        body.put("phone", values.phone(prefix + "phone"));
        body.put(
                "address",
                Map.of(
                        "line1", values.text(prefix + "line1"),
                        "city", values.text(prefix + "city"),
                        "postalCode", values.shortText(prefix + "postalCode"),
                        "country", "GB"));
        body.put("preferences", Map.of("marketingConsent", true, "contactChannels", List.of("EMAIL")));
        body.put("attributes", Map.of("nickname", values.text(prefix + "attribute")));
        RestTestClient.RequestBodySpec request = client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    private void changeWithReason(String id, int version, Map<String, Object> patch, String reason) {
        client.patch()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .header("If-Match", "\"" + version + "\"")
                .header("X-Change-Reason", reason)
                .contentType(CustomerApi.MERGE_PATCH)
                .body(patch)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void merge(String survivor, String merged, String reason) {
        int version = new CustomerApi(client)
                .json("/api/v1/customers/" + survivor)
                .path("version")
                .asInt();
        post(
                        "/api/v1/customers/" + survivor + "/merges",
                        Map.of("mergedCustomerId", merged, "reason", reason),
                        "\"" + version + "\"")
                .expectStatus()
                .isOk();
    }

    private static Map<String, Object> interactionBody(String type, String note, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("channel", "WEB");
        body.put("source", "erasure-test");
        body.put("externalId", "event-" + UUID.randomUUID());
        if (type.equals("PURCHASE")) {
            body.put("amount", Map.of("value", "49.90", "currency", "EUR"));
        }
        if (type.equals("FEEDBACK")) {
            body.put("rating", 4);
        }
        if (note != null) {
            body.put("note", note);
            body.put("attributes", Map.of("said", note + "-attribute"));
        }
        if (subject != null) {
            body.put("subject", subject);
        }
        return body;
    }

    private String interaction(String customer, String type, String note, String subject) {
        return post("/api/v1/customers/" + customer + "/interactions", interactionBody(type, note, subject), null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("id")
                .asString();
    }

    private String link(String customer, String number, String type, String label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountNumber", number);
        body.put("type", type);
        if (label != null) {
            body.put("label", label);
        }
        return post("/api/v1/customers/" + customer + "/accounts", body, null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("linkId")
                .asString();
    }

    private String externalRef(String customer, String system, String externalId) {
        return post(
                        "/api/v1/customers/" + customer + "/external-refs",
                        Map.of("system", system, "externalId", externalId),
                        null)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("refId")
                .asString();
    }

    // --- requests ------------------------------------------------------------------------------------------------

    private RestTestClient.ResponseSpec erase(String customer) {
        return post("/api/v1/customers/" + customer + "/erasure", Map.of("reason", ERASE), null);
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

    private RestTestClient.ResponseSpec delete(String path) {
        return client.delete()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange();
    }

    private JsonNode resolve(Map<String, Object> query) {
        return post("/api/v1/resolve", query, null)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("matches");
    }

    private JsonNode resolveAccount(String number) {
        return post("/api/v1/accounts/resolve", Map.of("accountNumber", number), null)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("matches");
    }

    private static void assertErased(RestTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("customer-erased");
    }

    private static void assertTombstone(CustomerApi api, String id, int version, Instant erasedAt) {
        for (String path : List.of(
                "/api/v1/customers/" + id,
                "/api/v1/customers/" + id + "/versions/1",
                "/api/v1/customers/" + id + "?asOf=" + erasedAt.minusSeconds(3600))) {
            JsonNode tombstone = api.json(path);
            assertThat(tombstone.path("id").asString()).isEqualTo(id);
            assertThat(tombstone.path("status").asString()).isEqualTo("ERASED");
            assertThat(tombstone.path("version").asInt()).isEqualTo(version);
            assertThat(tombstone.path("erasedAt").asString()).isEqualTo(erasedAt.toString());
            for (String personal : List.of("givenName", "familyName", "email", "phone", "address", "preferences")) {
                assertThat(tombstone.has(personal))
                        .as("%s of %s", personal, path)
                        .isFalse();
            }
            assertThat(tombstone.path("attributes").isEmpty()).isTrue();
        }
    }

    private static void assertAbsent(String haystack, String where, Map.Entry<String, String> secret) {
        String lower = secret.getValue().toLowerCase(Locale.ROOT);
        assertThat(haystack).as("%s hold %s", where, secret.getKey()).doesNotContain(lower);
        for (String form : List.of(secret.getValue(), lower)) {
            String hex = HexFormat.of().formatHex(form.getBytes(StandardCharsets.UTF_8));
            assertThat(haystack).as("%s hold %s in hex", where, secret.getKey()).doesNotContain(hex);
        }
    }

    // --- the database as a thief with the service's keys would read it -------------------------------------------

    /** Every row of every table of the schema, as COPY ... TO STDOUT writes it (bytea as hex). */
    private String dumpOfEveryTable() throws Exception {
        List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                .query(String.class)
                .list();
        assertThat(tables).contains("customer_versions", "account_link_lookups", "events");
        StringWriter dump = new StringWriter();
        try (Connection connection = dataSource.getConnection()) {
            PGConnection postgres = connection.unwrap(PGConnection.class);
            for (String table : tables) {
                dump.append("-- ").append(table).append('\n');
                postgres.getCopyAPI().copyOut("COPY \"" + table + "\" TO STDOUT", dump);
            }
        }
        return dump.toString();
    }

    /**
     * The plaintext of every stored ciphertext that a data key still in the database opens: each tried with its own
     * key and, if that is gone, with every remaining key.
     */
    private String everyCiphertextThatOpens() {
        EnvelopeEncryption encryption = new EnvelopeEncryption(MasterKey.fromBase64(masterKey));
        Map<UUID, DataKey> keys = new HashMap<>();
        jdbc.sql("SELECT key_id, customer_id, kek_id, wrapped_key FROM customer_data_keys")
                .query((rs, n) -> encryption.unwrap(
                        rs.getObject("key_id", UUID.class),
                        rs.getString("kek_id"),
                        rs.getBytes("wrapped_key"),
                        rs.getString("customer_id")))
                .list()
                .forEach(key -> keys.put(key.id(), key));
        List<Sealed> sealed = new ArrayList<>();
        jdbc.sql(
                        "SELECT customer_id, version, data_key_id, profile_ciphertext, reason_ciphertext FROM customer_versions")
                .query((rs, n) -> {
                    String customer = rs.getString(1);
                    int version = rs.getInt(2);
                    UUID key = rs.getObject(3, UUID.class);
                    sealed.add(new Sealed(key, rs.getBytes(4), AssociatedData.profile(customer, version)));
                    if (rs.getBytes(5) != null) {
                        sealed.add(new Sealed(key, rs.getBytes(5), AssociatedData.changeReason(customer, version)));
                    }
                    return 1;
                })
                .list();
        jdbc.sql("SELECT id, data_key_id, details_ciphertext FROM interactions WHERE details_ciphertext IS NOT NULL")
                .query((rs, n) -> sealed.add(new Sealed(
                        rs.getObject(2, UUID.class),
                        rs.getBytes(3),
                        AssociatedData.interactionDetails(rs.getObject(1, UUID.class)))))
                .list();
        jdbc.sql("SELECT link_id, data_key_id, number_ciphertext FROM account_links")
                .query((rs, n) -> sealed.add(new Sealed(
                        rs.getObject(2, UUID.class),
                        rs.getBytes(3),
                        AssociatedData.accountNumber(rs.getObject(1, UUID.class)))))
                .list();
        StringBuilder plaintexts = new StringBuilder();
        for (Sealed one : sealed) {
            List<DataKey> candidates =
                    keys.containsKey(one.keyId()) ? List.of(keys.get(one.keyId())) : List.copyOf(keys.values());
            for (DataKey key : candidates) {
                try {
                    plaintexts
                            .append(new String(
                                    encryption.decrypt(key, one.ciphertext(), one.context()), StandardCharsets.UTF_8))
                            .append('\n');
                    break;
                } catch (RuntimeException wrongKey) {
                    // not this key
                }
            }
        }
        return plaintexts.toString();
    }

    private record Sealed(UUID keyId, byte[] ciphertext, String context) {}

    private long rows(String sql, String a, String b) {
        return jdbc.sql(sql).param("a", a).param("b", b).query(Long.class).single();
    }

    // --- another instance ----------------------------------------------------------------------------------------

    private static ConfigurableApplicationContext anotherInstance() {
        return new SpringApplicationBuilder(CustomerIdentityApplication.class, TestDatabaseConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run();
    }

    private static RestTestClient clientOf(ConfigurableApplicationContext instance) {
        int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(WireRecorder.interceptor())
                .build();
    }
}
