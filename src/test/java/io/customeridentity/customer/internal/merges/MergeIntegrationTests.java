package io.customeridentity.customer.internal.merges;

import static io.customeridentity.interaction.InteractionTestBodies.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MergeIntegrationTests {

    private static final List<String> HISTORY_TABLES = List.of(
            "customer_versions",
            "interactions",
            "account_links",
            "account_unlinks",
            "external_refs",
            "external_ref_ends",
            "customer_merges",
            "customer_merge_reversals");

    @Autowired
    RestTestClient client;

    @MockitoSpyBean
    JdbcClient jdbc;

    @Autowired
    CustomerMerges merges;

    ResolutionApi api;

    @BeforeEach
    void setUp() {
        api = new ResolutionApi(client);
    }

    @Test
    void mergedCustomerKeepsItsRecordAndResolvesToTheSurvivor() {
        String survivor = api.customer(Map.of("givenName", "Ada"));
        String merged = api.customer(Map.of("givenName", "Ada L."));

        JsonNode merge = api.ok(api.merge(survivor, merged));

        assertThat(merge.path("survivorId").asString()).isEqualTo(survivor);
        assertThat(merge.path("mergedCustomerId").asString()).isEqualTo(merged);
        assertThat(merge.path("at").asString()).isNotBlank();
        JsonNode record = api.get("/api/v1/customers/" + merged);
        assertThat(record.path("status").asString()).isEqualTo("MERGED");
        assertThat(record.path("mergedInto").asString()).isEqualTo(survivor);
        assertThat(record.path("givenName").asString()).isEqualTo("Ada L.");
        JsonNode survivorRecord = api.get("/api/v1/customers/" + survivor);
        assertThat(survivorRecord.path("version").asInt()).isEqualTo(1);
        assertThat(survivorRecord.path("givenName").asString()).isEqualTo("Ada");
        JsonNode match = api.resolve(Map.of("customerId", merged)).get(0);
        assertThat(match.path("customerId").asString()).isEqualTo(survivor);
        assertThat(match.path("resolvedFrom").asString()).isEqualTo(merged);
        JsonNode events = api.get("/api/v1/customers/" + merged + "/merges").path("items");
        assertThat(events.at("/0/mergeId").asString())
                .isEqualTo(merge.path("mergeId").asString());
        assertThat(events.at("/0/by").asString()).isEqualTo("test-user");
        assertThat(events.at("/0/reason").asString()).isEqualTo("same person");
    }

    @Test
    void followsAChainOfFiveMergesInOneQuery() {
        List<String> chain = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chain.add(api.customer(Map.of()));
        }
        for (int i = 0; i < 5; i++) {
            api.merged(chain.get(i + 1), chain.get(i));
        }

        clearInvocations(jdbc);
        var end = merges.survivorOf(CustomerId.parse(chain.get(0))).orElseThrow();

        assertThat(end.customerId().value()).isEqualTo(chain.get(5));
        ArgumentCaptor<String> sql = ArgumentCaptor.forClass(String.class);
        verify(jdbc, times(1)).sql(sql.capture());
        assertThat(sql.getValue()).contains("WITH RECURSIVE");
        System.out.println("Merge chain resolved with one statement:\n" + sql.getValue());
        assertThat(api.resolve(Map.of("customerId", chain.get(0)))
                        .at("/0/customerId")
                        .asString())
                .isEqualTo(chain.get(5));
    }

    @Test
    void refusesMergesTheStatesDoNotAllow() {
        String a = api.customer(Map.of());
        String b = api.customer(Map.of());
        String c = api.customer(Map.of());

        expectConflict(api.merge(a, a));
        api.merged(a, b);
        expectConflict(api.merge(b, c)); // into a MERGED customer
        expectConflict(api.merge(c, b)); // a MERGED customer again
        expectConflict(api.merge(b, a)); // a cycle
        api.post("/api/v1/customers/" + a + "/merges", Map.of("mergedCustomerId", c, "reason", "r"), null)
                .expectStatus()
                .isEqualTo(428);
        api.post("/api/v1/customers/" + a + "/merges", Map.of("mergedCustomerId", c, "reason", "r"), "\"7\"")
                .expectStatus()
                .isEqualTo(412);
        api.post(
                        "/api/v1/customers/" + a + "/merges",
                        Map.of(
                                "mergedCustomerId",
                                CustomerId.of("BK", "0000000006").value(),
                                "reason",
                                "r"),
                        "\"1\"")
                .expectStatus()
                .isNotFound();
        api.reverse(a, UUID.randomUUID().toString()).expectStatus().isNotFound();
    }

    @Test
    void showsTheMergedCustomersRecordsUnderTheSurvivor() {
        String survivor = api.customer(Map.of());
        String merged = api.customer(Map.of());
        recordVisit(survivor);
        recordVisit(merged);
        linkCard(merged, "4000 0025 0000 3155");
        linkRef(merged, "erp", "E-" + UUID.randomUUID());

        api.merged(survivor, merged);
        recordVisit(merged); // producers with a stale ID keep working
        linkRef(merged, "billing", "B-" + UUID.randomUUID());
        linkCard(merged, "3625 960000 0004"); // a number no other test links

        assertThat(timeline(survivor)).hasSize(3);
        assertThat(timeline(merged)).hasSize(2);
        assertThat(api.get("/api/v1/customers/" + survivor + "/summary")
                        .path("interactionCount")
                        .asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/v1/customers/" + survivor + "/accounts")
                        .path("items")
                        .size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/customers/" + survivor + "/external-refs")
                        .path("items")
                        .size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/customers/" + merged + "/external-refs")
                        .at("/items/1/customerId")
                        .asString())
                .as("stored against the ID as given")
                .isEqualTo(merged);
        JsonNode account = api.ok(
                        api.post("/api/v1/accounts/resolve", Map.of("accountNumber", "4000002500003155"), null))
                .path("matches");
        assertThat(account.at("/0/customerId").asString()).isEqualTo(survivor);
    }

    @Test
    void reversalRestoresBothCustomersExactly() {
        String survivor = api.customer(Map.of());
        String merged = api.customer(Map.of());
        recordVisit(survivor);
        recordVisit(merged);
        linkRef(merged, "erp", "E-" + UUID.randomUUID());
        Set<String> survivorBefore = timeline(survivor);
        Set<String> mergedBefore = timeline(merged);
        Map<String, List<String>> historyBefore = historyRows();

        String mergeId = api.merged(survivor, merged);
        String whileMergedOnMerged = recordVisit(merged);
        String whileMergedOnSurvivor = recordVisit(survivor);
        JsonNode reversal = api.ok(api.reverse(survivor, mergeId));

        assertThat(reversal.path("reversedAt").asString()).isNotBlank();
        assertThat(api.get("/api/v1/customers/" + merged).path("status").asString())
                .isEqualTo("ACTIVE");
        Set<String> mergedAfter = new HashSet<>(mergedBefore);
        mergedAfter.add(whileMergedOnMerged);
        Set<String> survivorAfter = new HashSet<>(survivorBefore);
        survivorAfter.add(whileMergedOnSurvivor);
        assertThat(timeline(merged)).isEqualTo(mergedAfter);
        assertThat(timeline(survivor)).isEqualTo(survivorAfter);
        assertThat(api.get("/api/v1/customers/" + survivor + "/external-refs")
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/customers/" + merged + "/external-refs")
                        .path("items")
                        .size())
                .isEqualTo(1);
        assertThat(api.resolve(Map.of("customerId", merged)).at("/0/customerId").asString())
                .isEqualTo(merged);
        expectConflict(api.reverse(survivor, mergeId));
        assertThat(api.get("/api/v1/customers/" + survivor + "/merges")
                        .at("/items/0/reversedAt")
                        .asString())
                .isNotBlank();
        Map<String, List<String>> historyAfter = historyRows();
        historyBefore.forEach((table, rows) -> assertThat(historyAfter.get(table))
                .as("rows of %s kept untouched", table)
                .containsAll(rows));
    }

    @Test
    void ofTwoConcurrentMergesOfOnePairExactlyOneSucceeds() throws Exception {
        String a = api.customer(Map.of());
        String b = api.customer(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Integer> first = pool.submit(() -> {
                start.await();
                return api.merge(a, b).returnResult().getStatus().value();
            });
            Future<Integer> second = pool.submit(() -> {
                start.await();
                return api.merge(b, a).returnResult().getStatus().value();
            });
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
    }

    private void expectConflict(RestTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("merge-conflict");
    }

    private String recordVisit(String customer) {
        return api.ok(api.post("/api/v1/customers/" + customer + "/interactions", visit(), null))
                .path("id")
                .asString();
    }

    private void linkCard(String customer, String card) {
        api.post("/api/v1/customers/" + customer + "/accounts", Map.of("accountNumber", card, "type", "CARD"), null)
                .expectStatus()
                .isCreated();
    }

    private void linkRef(String customer, String system, String externalId) {
        api.post(
                        "/api/v1/customers/" + customer + "/external-refs",
                        Map.of("system", system, "externalId", externalId),
                        null)
                .expectStatus()
                .isCreated();
    }

    private Set<String> timeline(String customer) {
        Set<String> ids = new HashSet<>();
        api.get("/api/v1/customers/" + customer + "/interactions?limit=200")
                .path("items")
                .forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** Every row of every history table with its physical identity: an UPDATE would change ctid and xmin. */
    private Map<String, List<String>> historyRows() {
        Map<String, List<String>> rows = new java.util.HashMap<>();
        for (String table : HISTORY_TABLES) {
            rows.put(
                    table,
                    jdbc.sql("SELECT ctid::text || xmin::text || t::text FROM " + table + " t")
                            .query(String.class)
                            .list());
        }
        return rows;
    }
}
