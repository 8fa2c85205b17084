package io.customeridentity.interaction;

import static io.customeridentity.interaction.InteractionApi.aPurchase;
import static io.customeridentity.interaction.InteractionApi.aVisit;
import static io.customeridentity.interaction.InteractionRecordingIntegrationTests.unique;
import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    static Map<String, Object> item(String customerId, Map<String, Object> interaction) {
        interaction.put("customerId", customerId);
        return interaction;
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
