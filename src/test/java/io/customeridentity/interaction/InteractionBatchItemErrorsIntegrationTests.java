package io.customeridentity.interaction;

import static io.customeridentity.interaction.InteractionRecordingIntegrationTests.unique;
import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of item error rejects only its item, whatever stage finds it: the JSON mapper (unknown enum values,
 * wrong JSON types, text or instants the database cannot store) as much as the rules. The item carries the code and
 * field the single-interaction endpoint answers for the same body, and the batch's other items are stored.
 */
@IntegrationTest
class InteractionBatchItemErrorsIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    Http http;
    String customer;

    @BeforeEach
    void registerCustomer() {
        http = new Http(port);
        customer =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
    }

    /** A field of an otherwise valid item, the raw JSON sent in its place, and the field the error must name. */
    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("type", "\"TELEPATHY\"", "type"),
                bad("channel", "\"web\"", "channel"),
                bad("rating", "\"five\"", "rating"),
                bad("rating", "99999999999999999999", "rating"),
                bad("rating", "1e400", "rating"),
                bad("rating", "true", "rating"),
                bad("rating", "{}", "rating"),
                bad("occurredAt", "\"yesterday\"", "occurredAt"),
                bad("occurredAt", "\"-999999999-01-01T00:00:00Z\"", "occurredAt"),
                bad("occurredAt", "\"+999999999-12-31T23:59:59Z\"", "occurredAt"),
                bad("occurredAt", "\"1899-12-31T23:59:59Z\"", "occurredAt"),
                bad("occurredAt", "true", "occurredAt"),
                bad("attributes", "{\"tier\":{\"level\":\"gold\"}}", "attributes.tier"),
                bad("attributes", "{\"tier\":[\"gold\"]}", "attributes.tier"),
                bad("attributes", "\"tier=gold\"", "attributes"),
                bad("externalId", "\"order\\u0000-1\"", "externalId"),
                bad("externalId", "\"order\\ud800\"", "externalId"),
                bad("externalId", "\"\\udc00order\"", "externalId"),
                bad("externalId", "true", "externalId"),
                bad("source", "42", "source"),
                bad("customerId", "7", "customerId"),
                bad("type", "{}", "type"),
                bad("channel", "[]", "channel"),
                bad("amount", "\"12.00\"", "amount"),
                bad("amount", "{\"value\":12.5,\"currency\":\"EUR\"}", "amount.value"),
                bad("subject", "{}", "subject"),
                bad("note", "[\"a\"]", "note"),
                bad("type", "3", "type"),
                bad("channel", "\"0\"", "channel"),
                bad("rating", "4.5", "rating"),
                bad("occurredAt", "1700000000", "occurredAt"));
    }

    private static Arguments bad(String field, String rawJson, String expectedField) {
        return Arguments.of(field, rawJson, expectedField);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFields")
    void rejectsOnlyTheItemTheMapperCannotReadWithTheCodeAndFieldOfTheSingleEndpoint(
            String field, String rawJson, String expectedField) {
        String source = unique("src");
        Map<String, String> item = validItem(source, "bad");
        item.put(field, rawJson);

        JsonNode results = batch(validItem(source, "before"), item, validItem(source, "after"));

        assertThat(results.findValuesAsString("status")).containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(results.at("/1/index").asInt()).isEqualTo(1);
        assertThat(results.at("/1/error/code").asString()).isEqualTo("unreadable-request");
        assertThat(results.at("/1/error/field").asString()).isEqualTo(expectedField);
        assertThat(results.at("/1/error/message").asString()).isNotBlank();
        assertThat(storedExternalIds(source)).containsExactlyInAnyOrder("before", "after");

        HttpResponse<String> single = http.send(
                "POST", "/api/v1/customers/" + customer + "/interactions", TestTokens.readWrite(), object(item));
        JsonNode problem = json.readTree(single.body());
        assertThat(single.statusCode()).as(single.body()).isEqualTo(400);
        assertThat(problem.path("code").asString())
                .isEqualTo(results.at("/1/error/code").asString());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo(expectedField);
        assertThat(storedExternalIds(source)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "42", "\"an item\"", "[]", "true"})
    void rejectsAnItemThatIsNotAnObjectOnItsOwn(String rawItem) {
        String source = unique("src");

        HttpResponse<String> answer = http.send(
                "POST",
                "/api/v1/interactions/batch",
                TestTokens.readWrite(),
                "{\"items\":[" + object(validItem(source, "before")) + "," + rawItem + ","
                        + object(validItem(source, "after")) + "]}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode results = json.readTree(answer.body()).path("results");
        assertThat(results.findValuesAsString("status")).containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(results.at("/1/error/code").asString()).isEqualTo("unreadable-request");
        assertThat(storedExternalIds(source)).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void answersEveryItemInItsPlaceWhenMapperAndRulesRejectSomeAndOthersAreStored() {
        String source = unique("src");
        Map<String, String> unknownType = validItem(source, "telepathy");
        unknownType.put("type", "\"TELEPATHY\"");
        Map<String, String> noChannel = validItem(source, "no-channel");
        noChannel.remove("channel");
        Map<String, String> unknownCustomer = validItem(source, "nobody");
        unknownCustomer.put(
                "customerId", "\"" + CustomerId.of("BK", "0000000003").value() + "\"");

        JsonNode results = batch(
                unknownType,
                validItem(source, "first"),
                noChannel,
                validItem(source, "second"),
                unknownCustomer,
                validItem(source, "first"));

        assertThat(results.findValuesAsString("status"))
                .containsExactly("REJECTED", "CREATED", "REJECTED", "CREATED", "REJECTED", "DUPLICATE");
        assertThat(results.findValues("index").stream().map(JsonNode::asInt)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(results.at("/0/error/field").asString()).isEqualTo("type");
        assertThat(results.at("/2/error/code").asString()).isEqualTo("validation-failed");
        assertThat(results.at("/2/error/field").asString()).isEqualTo("channel");
        assertThat(results.at("/4/error/code").asString()).isEqualTo("customer-not-found");
        assertThat(results.at("/5/id").asString()).isEqualTo(results.at("/1/id").asString());
        assertThat(storedExternalIds(source)).containsExactlyInAnyOrder("first", "second");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[{\"items\":[]}]",
                "{\"items\":\"x\"}",
                "{\"items\":{}}",
                "{\"items\":[]}",
                "{\"items\":null}",
                "{}",
                "\"items\"",
                "{\"items\":[{}"
            })
    void refusesABodyThatIsNotABatchAsAWhole(String body) {
        HttpResponse<String> answer = http.send("POST", "/api/v1/interactions/batch", TestTokens.readWrite(), body);

        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private Map<String, String> validItem(String source, String externalId) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("customerId", "\"" + customer + "\"");
        item.put("type", "\"WEB_VISIT\"");
        item.put("channel", "\"WEB\"");
        item.put("source", "\"" + source + "\"");
        item.put("externalId", "\"" + externalId + "\"");
        return item;
    }

    /** The item as JSON text, each value exactly as given (so that it can hold escapes no serialiser would write). */
    private static String object(Map<String, String> item) {
        return item.entrySet().stream()
                .map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @SafeVarargs
    private JsonNode batch(Map<String, String>... items) {
        String body = Stream.of(items)
                .map(InteractionBatchItemErrorsIntegrationTests::object)
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        HttpResponse<String> answer = http.send("POST", "/api/v1/interactions/batch", TestTokens.readWrite(), body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).path("results");
    }

    private List<String> storedExternalIds(String source) {
        return jdbc.sql("SELECT external_id FROM interactions WHERE source = :source")
                .param("source", source)
                .query(String.class)
                .list();
    }
}
