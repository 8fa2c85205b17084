package io.customeridentity.events;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionTestBodies;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.FeedApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.ResolutionApi;
import io.customeridentity.support.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every event type with its exact content, none with personal data, and none for a change that rolled back. */
@IntegrationTest
class EventContentIntegrationTests {

    private static final String GIVEN = "Grace";
    private static final String FAMILY = "Hopper";
    private static final String PHONE = "+44 20 7946 0123";
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @Autowired
    RestTestClient client;

    @Autowired
    CustomerManagement customers;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JsonMapper json;

    CustomerApi api;
    ResolutionApi resolution;
    FeedApi feed;
    String cursor;
    String email;

    @BeforeEach
    void startAtTheHead() {
        api = new CustomerApi(client);
        resolution = new ResolutionApi(client);
        feed = new FeedApi(client);
        cursor = feed.head();
        email = UUID.randomUUID() + "@example.org";
    }

    private JsonNode register() {
        return api.created(aCustomer()
                .with("givenName", GIVEN)
                .with("familyName", FAMILY)
                .with("email", email)
                .with("phone", PHONE)
                .build());
    }

    @Test
    void registrationIsOneCustomerRegisteredEventInCloudEventsForm() {
        JsonNode customer = register();
        String id = customer.path("id").asString();

        List<JsonNode> events = feed.about(cursor, id, 1);

        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(fieldNames(event))
                .containsExactly(
                        "specversion",
                        "id",
                        "source",
                        "type",
                        "subject",
                        "time",
                        "datacontenttype",
                        "data",
                        "sequence");
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(UUID.fromString(event.path("id").asString())).isNotNull();
        assertThat(event.path("source").asString()).isEqualTo("/customer-identity");
        assertThat(event.path("type").asString()).isEqualTo("customer.registered");
        assertThat(event.path("subject").asString()).isEqualTo(id);
        assertThat(Instant.parse(event.path("time").asString()))
                .isEqualTo(Instant.parse(customer.path("createdAt").asString()));
        assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.path("sequence").asString()).matches("\\d{19}");
        assertThat(event.path("data")).isEqualTo(json.readTree("{\"customerId\":\"" + id + "\",\"version\":1}"));
        assertNoPersonalData(event);
    }

    @Test
    void profileChangeNamesTheChangedFieldsButNotTheirValues() {
        String id = register().path("id").asString();
        api.patched(id, 1, Map.of("givenName", "Amazing Grace", "phone", "+44 20 7946 0999"));

        List<JsonNode> events = feed.about(cursor, id, 2);

        assertThat(types(events)).containsExactly("customer.registered", "customer.updated");
        assertThat(events.get(1).path("data"))
                .isEqualTo(json.readTree(
                        "{\"customerId\":\"" + id + "\",\"version\":2,\"changedFields\":[\"givenName\",\"phone\"]}"));
        assertThat(events.get(1).toString()).doesNotContain("Amazing", "0999");
        assertNoPersonalData(events.get(1));
    }

    @Test
    void mergeAndItsReversalAreEventsOfTheMergedCustomer() {
        String survivor = register().path("id").asString();
        String merged = resolution.customer(Map.of());
        String mergeId = resolution.merged(survivor, merged);
        resolution.ok(resolution.reverse(survivor, mergeId));

        List<JsonNode> events = feed.about(cursor, merged, 3);

        assertThat(types(events)).containsExactly("customer.registered", "customer.merged", "customer.merge_reversed");
        JsonNode expected = json.readTree("{\"survivorId\":\"" + survivor + "\",\"mergedId\":\"" + merged
                + "\",\"mergeId\":\"" + mergeId + "\"}");
        assertThat(events.get(1).path("data")).isEqualTo(expected);
        assertThat(events.get(2).path("data")).isEqualTo(expected);
        assertThat(feed.about(cursor, survivor, 1)).extracting(this::type).containsExactly("customer.registered");
    }

    @Test
    void accountLinkEventsCarryTheLastFourDigitsAtMost() {
        String id = register().path("id").asString();
        String linkId = resolution
                .ok(resolution.post(
                        "/api/v1/customers/" + id + "/accounts",
                        Map.of("accountNumber", IBAN, "type", "IBAN", "label", "Salary"),
                        null))
                .path("linkId")
                .asString();
        unlink(id, linkId);
        unlink(id, linkId); // already unlinked: no second event

        List<JsonNode> events = feed.about(cursor, id, 3);

        assertThat(types(events)).containsExactly("customer.registered", "account.linked", "account.unlinked");
        JsonNode expected = json.readTree(
                "{\"customerId\":\"" + id + "\",\"linkId\":\"" + linkId + "\",\"type\":\"IBAN\",\"last4\":\"3000\"}");
        assertThat(events.get(1).path("data")).isEqualTo(expected);
        assertThat(events.get(2).path("data")).isEqualTo(expected);
        assertThat(events.toString()).doesNotContain("370400440532", "Salary");
        events.forEach(this::assertNoPersonalData);
    }

    @Test
    void externalRefEventsNameTheSystemButNotItsId() {
        String id = register().path("id").asString();
        String externalId = "crm-" + UUID.randomUUID();
        String refId = resolution
                .ok(resolution.post(
                        "/api/v1/customers/" + id + "/external-refs",
                        Map.of("system", "salesforce", "externalId", externalId),
                        null))
                .path("refId")
                .asString();
        client.delete()
                .uri("/api/v1/customers/{id}/external-refs/{ref}", id, refId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .is2xxSuccessful();

        List<JsonNode> events = feed.about(cursor, id, 3);

        assertThat(types(events)).containsExactly("customer.registered", "external_ref.linked", "external_ref.ended");
        JsonNode expected =
                json.readTree("{\"customerId\":\"" + id + "\",\"refId\":\"" + refId + "\",\"system\":\"salesforce\"}");
        assertThat(events.get(1).path("data")).isEqualTo(expected);
        assertThat(events.get(2).path("data")).isEqualTo(expected);
        assertThat(events.toString()).doesNotContain(externalId);
    }

    @Test
    void erasureIsOneCustomerErasedEventPerCustomerOfTheGroupOnce() {
        String survivor = register().path("id").asString();
        String merged = resolution.customer(Map.of());
        resolution.merged(survivor, merged);
        String erasedAt = erase(merged).path("erasedAt").asString();
        erase(survivor); // a repetition writes no event

        List<JsonNode> events = feed.about(cursor, survivor, 2);

        assertThat(types(events)).containsExactly("customer.registered", "customer.erased");
        assertThat(events.get(1).path("data"))
                .isEqualTo(json.readTree("{\"customerId\":\"" + survivor + "\",\"erasedAt\":\"" + erasedAt + "\"}"));
        assertThat(events.get(1).path("subject").asString()).isEqualTo(survivor);
        assertThat(types(feed.about(cursor, merged, 3)))
                .containsExactly("customer.registered", "customer.merged", "customer.erased");
        assertNoPersonalData(events.get(1));
    }

    private JsonNode erase(String id) {
        return client.post()
                .uri("/api/v1/customers/{id}/erasure", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "Art. 17 request"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void interactionsAreNoEventsByDefault() {
        String id = register().path("id").asString();
        client.post()
                .uri("/api/v1/customers/{id}/interactions", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(InteractionTestBodies.visit())
                .exchange()
                .expectStatus()
                .isCreated();
        api.patched(id, 1, Map.of("givenName", "Later"));

        List<JsonNode> events = feed.about(cursor, id, 2);

        assertThat(types(events)).containsExactly("customer.registered", "customer.updated");
    }

    @Test
    void aChangeThatRolledBackHasNoEvent() {
        String id = register().path("id").asString();
        CustomerId customerId = CustomerId.parse(id);
        CustomerProfile current = customers.find(customerId).profile();
        CustomerProfile renamed = new CustomerProfile(
                "Rolled Back",
                current.familyName(),
                current.email(),
                current.phone(),
                current.address(),
                current.preferences(),
                current.attributes());

        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            customers.update(customerId, new ProfileUpdate(1, renamed, "test", null));
            transaction.setRollbackOnly();
        });
        api.patched(id, 1, Map.of("familyName", "Committed"));

        List<JsonNode> events = feed.about(cursor, id, 2);
        assertThat(types(events)).containsExactly("customer.registered", "customer.updated");
        assertThat(events.get(1).path("data").path("changedFields").toString()).isEqualTo("[\"familyName\"]");
        assertThat(events.get(1).path("data").path("version").asInt()).isEqualTo(2);
    }

    private void unlink(String id, String linkId) {
        client.delete()
                .uri("/api/v1/customers/{id}/accounts/{link}", id, linkId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private void assertNoPersonalData(JsonNode event) {
        assertThat(event.toString())
                .doesNotContain(GIVEN, FAMILY, email, "7946", "Lovelace", "Ada")
                .doesNotContainIgnoringCase(email);
    }

    private String type(JsonNode event) {
        return event.path("type").asString();
    }

    private List<String> types(List<JsonNode> events) {
        return events.stream().map(this::type).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
