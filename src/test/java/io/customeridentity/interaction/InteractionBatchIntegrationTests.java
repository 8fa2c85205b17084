package io.customeridentity.interaction;

import static io.customeridentity.interaction.InteractionApi.aPurchase;
import static io.customeridentity.interaction.InteractionApi.aVisit;
import static io.customeridentity.interaction.InteractionRecordingIntegrationTests.unique;
import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InteractionBatchIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void treatsEveryItemOnItsOwn() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        String other =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        String seen = unique("seen");
        api.recorded(customer, aVisit("webshop", seen));
        String twice = unique("twice");

        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(customer, aPurchase(unique("order"), "10.00", "EUR")));
        items.add(item(CustomerId.parse(other).displayForm().toLowerCase(), aVisit("webshop", unique("visit"))));
        Map<String, Object> noType = aVisit("webshop", unique("bad"));
        noType.remove("type");
        items.add(item(customer, noType));
        items.add(item(CustomerId.of("BK", "0000000003").value(), aVisit("webshop", unique("nobody"))));
        items.add(item("AC12345678901", aVisit("webshop", unique("typo"))));
        items.add(item(customer, aVisit("webshop", seen)));
        items.add(item(customer, aVisit("webshop", twice)));
        items.add(item(customer, aVisit("webshop", twice)));

        JsonNode results = api.batchResults(items);

        assertThat(statuses(results))
                .containsExactly(
                        "CREATED", "CREATED", "REJECTED", "REJECTED", "REJECTED", "DUPLICATE", "CREATED", "DUPLICATE");
        for (int i = 0; i < items.size(); i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
        }
        assertThat(results.at("/2/error/field").asString()).isEqualTo("type");
        assertThat(results.at("/2/error/code").asString()).isEqualTo("validation-failed");
        assertThat(results.at("/3/error/code").asString()).isEqualTo("customer-not-found");
        assertThat(results.at("/4/error/code").asString()).isEqualTo("check-digit-mismatch");
        assertThat(results.at("/7/id").asString()).isEqualTo(results.at("/6/id").asString());
        assertThat(count(customer)).as("seen earlier, the order, twice once").isEqualTo(3);
        assertThat(count(other)).isEqualTo(1);
        JsonNode summary = api.get("/api/v1/customers/" + customer + "/summary");
        assertThat(summary.path("interactionCount").asLong()).isEqualTo(3);
        assertThat(summary.at("/lifetimeValue/0/amount").asString()).isEqualTo("10.00");
    }

    @Test
    void acceptsAThousandItemsAndNoMore() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(item(customer, aVisit("bulk", unique("item"))));
        }

        assertThat(statuses(api.batchResults(items))).containsOnly("CREATED").hasSize(1000);

        items.add(item(customer, aVisit("bulk", unique("item"))));
        api.batch(items)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("items");
        api.batch(List.of()).expectStatus().isBadRequest();
        assertThat(count(customer)).isEqualTo(1000);
    }

    @Test
    void givesIdsThatSortInTheOrderTheyWereRecorded() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        List<UUID> recorded = new ArrayList<>();
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                items.add(item(customer, aVisit("ordered", unique("v"))));
            }
            api.batchResults(items)
                    .forEach(result ->
                            recorded.add(UUID.fromString(result.path("id").asString())));
        }

        List<UUID> stored = jdbc.sql("SELECT id FROM interactions WHERE customer_id = :id ORDER BY id")
                .param("id", customer)
                .query(UUID.class)
                .list();

        assertThat(recorded).allMatch(id -> id.version() == 7, "RFC 9562 version 7");
        assertThat(stored).as("the primary key's order is the recording order").containsExactlyElementsOf(recorded);
    }

    @Test
    void addsExactlyWhatABatchStoredToTheSummary() {
        InteractionApi api = new InteractionApi(client);
        CustomerApi customers = new CustomerApi(client);
        String buyer = customers.created(aCustomer().build()).path("id").asString();
        String rater = customers.created(aCustomer().build()).path("id").asString();
        String earlier = unique("order");
        api.recorded(buyer, at(2, aPurchase(earlier, "10.00", "EUR")));
        String twice = unique("order");

        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item(buyer, at(3, aPurchase(unique("order"), "20.00", "EUR"))));
        items.add(item(buyer, at(5, aPurchase(unique("order"), "1000", "JPY"))));
        Map<String, Object> refund = aPurchase(unique("refund"), "5.50", "EUR");
        refund.put("type", "REFUND");
        items.add(item(buyer, at(4, refund)));
        items.add(item(buyer, at(1, feedback(5))));
        items.add(item(buyer, at(6, feedback(2))));
        items.add(item(buyer, at(9, aPurchase(earlier, "999.00", "EUR"))));
        items.add(item(buyer, at(7, aPurchase(twice, "7.00", "EUR"))));
        items.add(item(buyer, at(8, aPurchase(twice, "70.00", "EUR"))));
        Map<String, Object> noAmount = aPurchase(unique("order"), "1.00", "EUR");
        noAmount.remove("amount");
        items.add(item(buyer, at(10, noAmount)));
        items.add(item(rater, at(2, feedback(3))));
        items.add(item(rater, at(3, aVisit("webshop", unique("visit")))));

        assertThat(statuses(api.batchResults(items)))
                .containsExactly(
                        "CREATED",
                        "CREATED",
                        "CREATED",
                        "CREATED",
                        "CREATED",
                        "DUPLICATE",
                        "CREATED",
                        "DUPLICATE",
                        "REJECTED",
                        "CREATED",
                        "CREATED");

        JsonNode bought = api.get("/api/v1/customers/" + buyer + "/summary");
        assertThat(bought.path("interactionCount").asLong()).isEqualTo(7);
        assertThat(bought.at("/countsByType/PURCHASE").asLong()).isEqualTo(4);
        assertThat(bought.at("/countsByType/REFUND").asLong()).isEqualTo(1);
        assertThat(bought.at("/countsByType/FEEDBACK").asLong()).isEqualTo(2);
        assertThat(bought.path("lifetimeValue").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"amount\":\"31.50\"},{\"currency\":\"JPY\",\"amount\":\"1000\"}]");
        assertThat(bought.path("averageRating").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(bought.path("ratingCount").asLong()).isEqualTo(2);
        assertThat(bought.path("firstInteractionAt").asString()).isEqualTo(day(1).toString());
        assertThat(bought.path("lastInteractionAt").asString()).isEqualTo(day(7).toString());
        assertThat(bought.path("lastPurchaseAt").asString()).isEqualTo(day(7).toString());
        JsonNode rated = api.get("/api/v1/customers/" + rater + "/summary");
        assertThat(rated.path("interactionCount").asLong()).isEqualTo(2);
        assertThat(rated.path("averageRating").decimalValue()).isEqualByComparingTo("3");
        assertThat(aggregates(buyer, rater))
                .as("the running aggregates equal a recount of the stored rows")
                .isEqualTo(recount(buyer, rater));
    }

    @Test
    void encryptsTheDetailsOfBatchItemsThatHaveThemAndChecksEveryCustomer() {
        InteractionApi api = new InteractionApi(client);
        CustomerApi customers = new CustomerApi(client);
        String noted = customers.created(aCustomer().build()).path("id").asString();
        String plain = customers.created(aCustomer().build()).path("id").asString();
        String nobody = CustomerId.of("BK", "0000000003").value();
        Map<String, Object> note = aVisit("webshop", unique("visit"));
        note.put("note", "Asked about delivery");
        Map<String, Object> subject = aVisit("webshop", unique("visit"));
        subject.put("subject", "Returns");
        Map<String, Object> lost = aVisit("webshop", unique("visit"));
        lost.put("note", "for nobody");

        JsonNode results = api.batchResults(List.of(
                item(noted, at(1, note)),
                item(noted, at(2, aVisit("webshop", unique("visit")))),
                item(plain, at(1, aVisit("webshop", unique("visit")))),
                item(plain, at(2, subject)),
                item(nobody, lost),
                item(nobody, aVisit("webshop", unique("visit")))));

        assertThat(statuses(results))
                .containsExactly("CREATED", "CREATED", "CREATED", "CREATED", "REJECTED", "REJECTED");
        assertThat(results.at("/4/error/code").asString()).isEqualTo("customer-not-found");
        assertThat(results.at("/5/error/code").asString()).isEqualTo("customer-not-found");
        JsonNode notedPage =
                api.get("/api/v1/customers/" + noted + "/interactions").path("items");
        assertThat(notedPage.at("/0/note").isMissingNode()
                        || notedPage.at("/0/note").isNull())
                .isTrue();
        assertThat(notedPage.at("/1/note").asString()).isEqualTo("Asked about delivery");
        JsonNode plainPage =
                api.get("/api/v1/customers/" + plain + "/interactions").path("items");
        assertThat(plainPage.at("/0/subject").asString()).isEqualTo("Returns");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM interactions i JOIN customer_data_keys k ON k.key_id = i.data_key_id
                        WHERE i.customer_id = ANY(:ids) AND k.customer_id = i.customer_id
                          AND i.details_ciphertext IS NOT NULL""")
                        .param("ids", new String[] {noted, plain})
                        .query(Integer.class)
                        .single())
                .as("details encrypted under their own customer's key, and only where there are details")
                .isEqualTo(2);
    }

    static Map<String, Object> item(String customerId, Map<String, Object> interaction) {
        interaction.put("customerId", customerId);
        return interaction;
    }

    private static final Instant BASE = Instant.parse("2025-03-01T08:00:00Z");

    /**
     * Batches from {@code InteractionStore.COPY_FROM} items on are copied when every item is new, and inserted item
     * by item when one is a retry or repeats another: the answers, the stored values (text that the copy format must
     * escape included) and the summary are the same either way.
     */
    @Test
    void answersAndStoresLargeBatchesAlikeWhetherAllItemsAreNewOrSomeAreRetries() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        String awkward = unique("tab\tback\\slash\nnew line\r") + "\t\\";
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            fresh.add(item(customer, at(1 + i % 20, aPurchase(unique("order"), i + ".25", "EUR"))));
        }
        Map<String, Object> noted = aVisit("copy", awkward);
        noted.put("note", "Line one\nline two\twith a tab and a \\ backslash");
        fresh.add(item(customer, noted));
        fresh.add(item(customer, at(3, feedback(4))));

        JsonNode copied = api.batchResults(fresh);
        assertThat(statuses(copied)).containsOnly("CREATED").hasSize(62);

        List<Map<String, Object>> retried = new ArrayList<>();
        for (int i = 0; i < 59; i++) {
            retried.add(item(customer, aVisit("copy", unique("visit"))));
        }
        retried.add(item(customer, aVisit("copy", awkward)));
        String twice = unique("twice");
        retried.add(item(customer, aVisit("copy", twice)));
        retried.add(item(customer, aVisit("copy", twice)));

        JsonNode inserted = api.batchResults(retried);
        List<String> expected = new ArrayList<>(java.util.Collections.nCopies(59, "CREATED"));
        expected.addAll(List.of("DUPLICATE", "CREATED", "DUPLICATE"));
        assertThat(statuses(inserted)).containsExactlyElementsOf(expected);
        assertThat(inserted.at("/59/id").asString())
                .isEqualTo(copied.at("/60/id").asString());
        assertThat(inserted.at("/61/id").asString())
                .isEqualTo(inserted.at("/60/id").asString());

        assertThat(count(customer)).isEqualTo(62 + 60);
        assertThat(jdbc.sql("SELECT external_id FROM interactions WHERE id = :id")
                        .param("id", UUID.fromString(copied.at("/60/id").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo(awkward);
        JsonNode timeline = api.get("/api/v1/customers/" + customer + "/interactions?limit=200");
        JsonNode note = timeline.path("items")
                .valueStream()
                .filter(entry ->
                        entry.path("id").asString().equals(copied.at("/60/id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(note.path("note").asString()).isEqualTo("Line one\nline two\twith a tab and a \\ backslash");
        JsonNode summary = api.get("/api/v1/customers/" + customer + "/summary");
        assertThat(summary.at("/countsByType/PURCHASE").asLong()).isEqualTo(60);
        assertThat(summary.at("/lifetimeValue/0/amount").asString()).isEqualTo("1785.00");
        assertThat(aggregates(customer)).isEqualTo(recount(customer));
    }

    private static Instant day(int day) {
        return BASE.plusSeconds(86_400L * day);
    }

    private static Map<String, Object> at(int day, Map<String, Object> interaction) {
        interaction.put("occurredAt", day(day).toString());
        return interaction;
    }

    private static Map<String, Object> feedback(int rating) {
        Map<String, Object> feedback = aVisit("survey", unique("feedback"));
        feedback.put("type", "FEEDBACK");
        feedback.put("rating", rating);
        return feedback;
    }

    private List<String> aggregates(String... customers) {
        return jdbc.sql("""
                        SELECT customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at
                        FROM interaction_stats WHERE customer_id = ANY(:ids) ORDER BY 1, 2, 3""")
                .param("ids", customers)
                .query(InteractionBatchIntegrationTests::statRow)
                .list();
    }

    private List<String> recount(String... customers) {
        return jdbc.sql("""
                        SELECT customer_id, type, coalesce(amount_currency, ''), count(*), coalesce(sum(amount_value), 0),
                               coalesce(sum(rating), 0), count(rating), min(occurred_at), max(occurred_at)
                        FROM interactions WHERE customer_id = ANY(:ids) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .param("ids", customers)
                .query(InteractionBatchIntegrationTests::statRow)
                .list();
    }

    private static String statRow(ResultSet rs, int rowNum) throws SQLException {
        return String.join(
                " ",
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Long.toString(rs.getLong(4)),
                rs.getBigDecimal(5).stripTrailingZeros().toPlainString(),
                Long.toString(rs.getLong(6)),
                Long.toString(rs.getLong(7)),
                rs.getTimestamp(8).toInstant().toString(),
                rs.getTimestamp(9).toInstant().toString());
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.path("status").asString()));
        return statuses;
    }

    private int count(String customerId) {
        return jdbc.sql("SELECT count(*) FROM interactions WHERE customer_id = :id")
                .param("id", customerId)
                .query(Integer.class)
                .single();
    }
}
