package io.customeridentity.interaction;

import static io.customeridentity.interaction.InteractionApi.aPurchase;
import static io.customeridentity.interaction.InteractionApi.aVisit;
import static io.customeridentity.interaction.InteractionBatchIntegrationTests.item;
import static io.customeridentity.interaction.InteractionRecordingIntegrationTests.unique;
import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class InteractionTimelineIntegrationTests {

    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");

    @Autowired
    RestTestClient client;

    @Test
    void pagesThroughTenThousandInteractionsWhileOthersArrive() throws Exception {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        Random random = new Random(42);
        for (int batch = 0; batch < 10; batch++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Map<String, Object> visit = aVisit("seed", unique("seed"));
                // Many share a timestamp, so the id tie-breaker matters.
                visit.put("occurredAt", BASE.plusSeconds(random.nextInt(5000)).toString());
                items.add(item(customer, visit));
            }
            api.batchResults(items);
        }
        Set<String> existing = new HashSet<>();
        pageThrough(
                api,
                customer,
                page -> page.forEach(item -> existing.add(item.path("id").asString())));
        assertThat(existing).hasSize(10_000);

        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> inserted = writer.submit(() -> {
            int n = 0;
            Random later = new Random(7);
            while (paging.get()) {
                Map<String, Object> visit = aVisit("live", unique("live"));
                visit.put(
                        "occurredAt",
                        BASE.plusSeconds(later.nextInt(6000) - 500).toString());
                api.recorded(customer, visit);
                n++;
            }
            return n;
        });
        List<String> seen = new ArrayList<>();
        try {
            pageThrough(
                    api,
                    customer,
                    page -> page.forEach(item -> seen.add(item.path("id").asString())));
        } finally {
            paging.set(false);
            writer.shutdown();
        }

        assertThat(inserted.get()).isPositive();
        assertThat(new HashSet<>(seen)).as("no item repeated").hasSameSizeAs(seen);
        assertThat(seen).as("none of those that existed lost").containsAll(existing);
    }

    @Test
    void filtersByTypeChannelAndTimeNewestFirst() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        for (int day = 1; day <= 5; day++) {
            Map<String, Object> visit = aVisit("web", unique("v"));
            visit.put("occurredAt", BASE.plusSeconds(86_400L * day).toString());
            visit.put("channel", day % 2 == 0 ? "MOBILE" : "WEB");
            api.recorded(customer, visit);
        }
        Map<String, Object> purchase = aPurchase(unique("o"), "5.00", "EUR");
        purchase.put("occurredAt", BASE.plusSeconds(86_400L * 3).toString());
        api.recorded(customer, purchase);

        String base = "/api/v1/customers/" + customer + "/interactions";
        assertThat(days(api.get(base + "?type=WEB_VISIT"))).containsExactly(5, 4, 3, 2, 1);
        assertThat(days(api.get(base + "?channel=MOBILE"))).containsExactly(4, 2);
        assertThat(days(api.get(base + "?type=PURCHASE"))).containsExactly(3);
        assertThat(days(api.get(base + "?type=WEB_VISIT&from=" + BASE.plusSeconds(86_400L * 2) + "&to="
                        + BASE.plusSeconds(86_400L * 4))))
                .containsExactly(3, 2);
    }

    @Test
    void summarizesExactlyAcrossCurrenciesAndRefunds() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        at(api, customer, 1, aPurchase(unique("o"), "10.10", "EUR"));
        at(api, customer, 2, aPurchase(unique("o"), "20.20", "EUR"));
        Map<String, Object> refund = aPurchase(unique("r"), "5.05", "EUR");
        refund.put("type", "REFUND");
        at(api, customer, 3, refund);
        at(api, customer, 4, aPurchase(unique("o"), "1000", "JPY"));
        Map<String, Object> usdRefund = aPurchase(unique("r"), "3.00", "USD");
        usdRefund.put("type", "REFUND");
        at(api, customer, 5, usdRefund);
        for (int rating : new int[] {5, 4, 4}) {
            Map<String, Object> feedback = aVisit("survey", unique("f"));
            feedback.put("type", "FEEDBACK");
            feedback.put("rating", rating);
            at(api, customer, 6, feedback);
        }
        at(api, customer, 7, typed("COMPLAINT"));
        at(api, customer, 8, typed("SUPPORT_CONTACT"));
        at(api, customer, 9, typed("COMPLAINT"));
        at(api, customer, 10, typed("COMPLAINT"));

        JsonNode summary = api.get("/api/v1/customers/" + customer + "/summary");

        assertThat(summary.path("customerId").asString()).isEqualTo(customer);
        assertThat(summary.path("interactionCount").asLong()).isEqualTo(12);
        assertThat(summary.at("/countsByType/PURCHASE").asLong()).isEqualTo(3);
        assertThat(summary.at("/countsByType/REFUND").asLong()).isEqualTo(2);
        assertThat(summary.at("/countsByType/FEEDBACK").asLong()).isEqualTo(3);
        assertThat(summary.at("/countsByType/COMPLAINT").asLong()).isEqualTo(3);
        assertThat(summary.path("lifetimeValue").toString())
                .isEqualTo("[{\"currency\":\"EUR\",\"amount\":\"25.25\"},{\"currency\":\"JPY\",\"amount\":\"1000\"},"
                        + "{\"currency\":\"USD\",\"amount\":\"-3.00\"}]");
        assertThat(summary.path("averageRating").decimalValue()).isEqualByComparingTo("4.33");
        assertThat(summary.path("ratingCount").asLong()).isEqualTo(3);
        assertThat(summary.path("openComplaints").asLong()).isEqualTo(2);
        assertThat(summary.path("firstInteractionAt").asString()).isEqualTo(day(1).toString());
        assertThat(summary.path("lastInteractionAt").asString()).isEqualTo(day(10).toString());
        assertThat(summary.path("lastPurchaseAt").asString()).isEqualTo(day(4).toString());
    }

    @Test
    void summarizesACustomerWithoutInteractions() {
        InteractionApi api = new InteractionApi(client);
        String customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();

        JsonNode summary = api.get("/api/v1/customers/" + customer + "/summary");

        assertThat(summary.path("interactionCount").asLong()).isZero();
        assertThat(summary.path("lifetimeValue").size()).isZero();
        assertThat(summary.has("averageRating")).isFalse();
    }

    @Test
    void listsActiveCustomersWithoutRecentInteractions() {
        InteractionApi api = new InteractionApi(client);
        CustomerApi customers = new CustomerApi(client);
        String recent = customers
                .created(aCustomer().with("prefix", "BK").build())
                .path("id")
                .asString();
        String dormant = customers
                .created(aCustomer().with("prefix", "BK").build())
                .path("id")
                .asString();
        String silent = customers
                .created(aCustomer().with("prefix", "BK").build())
                .path("id")
                .asString();
        at(api, recent, 300, aVisit("web", unique("v")));
        at(api, dormant, 10, aVisit("web", unique("v")));

        Map<String, JsonNode> listed = new java.util.HashMap<>();
        String path = "/api/v1/customers?prefix=BK&limit=2&inactiveSince=" + day(100);
        for (int page = 0; path != null && page < 1000; page++) {
            JsonNode body = api.get(path);
            body.path("items")
                    .forEach(item -> listed.put(item.path("customerId").asString(), item));
            path = body.path("nextCursor").isString()
                    ? "/api/v1/customers?prefix=BK&limit=2&inactiveSince=" + day(100) + "&cursor="
                            + body.path("nextCursor").asString()
                    : null;
        }

        assertThat(listed).containsKeys(dormant, silent).doesNotContainKey(recent);
        assertThat(listed.get(dormant).path("lastInteractionAt").asString()).isEqualTo(day(10).toString());
        assertThat(listed.get(silent).has("lastInteractionAt")).isFalse();
        assertThat(listed.keySet()).allMatch(id -> id.startsWith("BK"));
    }

    @Test
    void refusesAnInactiveListCursorThatDoesNotHoldACustomerId() {
        String tampered = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("inactive|' OR 1=1 --".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        client.get()
                .uri("/api/v1/customers?inactiveSince=" + day(100) + "&cursor=" + tampered)
                .header("Authorization", "Bearer " + io.customeridentity.support.TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
    }

    private void pageThrough(InteractionApi api, String customer, java.util.function.Consumer<JsonNode> pages) {
        String base = "/api/v1/customers/" + customer + "/interactions?limit=200";
        String path = base;
        for (int page = 0; path != null && page < 1000; page++) {
            JsonNode body = api.get(path);
            pages.accept(body.path("items"));
            path = body.path("nextCursor").isString()
                    ? base + "&cursor=" + body.path("nextCursor").asString()
                    : null;
        }
    }

    private static void at(InteractionApi api, String customer, int day, Map<String, Object> interaction) {
        interaction.put("occurredAt", day(day).toString());
        api.recorded(customer, interaction);
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> interaction = aVisit("crm", unique("c"));
        interaction.put("type", type);
        interaction.put("channel", "PHONE");
        return interaction;
    }

    private static Instant day(int day) {
        return BASE.plusSeconds(86_400L * day);
    }

    private static List<Integer> days(JsonNode page) {
        List<Integer> days = new ArrayList<>();
        page.path("items")
                .forEach(item -> days.add((int)
                        ((Instant.parse(item.path("occurredAt").asString()).getEpochSecond() - BASE.getEpochSecond())
                                / 86_400)));
        return days;
    }
}
