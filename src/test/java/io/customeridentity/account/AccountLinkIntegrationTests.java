package io.customeridentity.account;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountLinkIntegrationTests {

    /** A registry example IBAN: published, never a real account. Tests link it to fresh customers. */
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    String customer;

    @BeforeEach
    void registerCustomer() {
        customer = newCustomer();
    }

    @Test
    void linksAValidIbanShowingItOnlyMasked() {
        JsonNode link = created(customer, IBAN, "IBAN", "Salary account");

        assertThat(link.path("type").asString()).isEqualTo("IBAN");
        assertThat(link.path("masked").asString()).isEqualTo("*".repeat(18) + "3000");
        assertThat(link.path("last4").asString()).isEqualTo("3000");
        assertThat(link.path("label").asString()).isEqualTo("Salary account");
        assertThat(link.path("status").asString()).isEqualTo("LINKED");
        assertThat(link.path("linkedAt").asString()).isNotBlank();
        assertThat(link.toString()).doesNotContain("DE89370400440532013000", "370400440532");
    }

    @Test
    void linksPublishedTestCardsShowingFirstSixAndLastFour() {
        JsonNode link = created(customer, "4242 4242 4242 4242", "CARD", null);

        assertThat(link.path("masked").asString()).isEqualTo("424242******4242");
    }

    @Test
    void answersTheExistingLinkWhenLinkedAgain() {
        JsonNode first = created(customer, IBAN, "IBAN", null);

        JsonNode again = link(customer, "de89370400440532013000", "IBAN", null)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(again.path("linkId").asString())
                .isEqualTo(first.path("linkId").asString());
        assertThat(list(customer, false).size()).isEqualTo(1);
    }

    @Test
    void linksOneNumberToSeveralCustomersAndResolvesToAllOfThem() {
        String partner = newCustomer();
        String card = "5555 5555 5555 4444";
        created(customer, card, "CARD", "Joint card");
        created(partner, card, "CARD", "Joint card");

        List<String> matched = new ArrayList<>();
        resolve(card.replace(" ", "-"), null)
                .path("matches")
                .forEach(m -> matched.add(m.path("customerId").asString()));

        assertThat(matched).containsExactlyInAnyOrder(customer, partner);
        JsonNode match = resolve(card, "CARD").at("/matches/0");
        assertThat(match.path("displayId").asString())
                .isEqualTo(CustomerId.parse(match.path("customerId").asString()).displayForm());
        assertThat(resolve(card, "IBAN").path("matches").size()).isZero();
    }

    @Test
    void unlinkingKeepsTheHistoryAndStopsResolution() {
        String number = "378282246310005";
        String linkId = created(customer, number, "CARD", null).path("linkId").asString();

        client.delete()
                .uri("/api/v1/customers/{id}/accounts/{link}", customer, linkId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(list(customer, false).size()).isZero();
        JsonNode history = list(customer, true);
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.at("/0/status").asString()).isEqualTo("UNLINKED");
        assertThat(history.at("/0/unlinkedAt").asString()).isNotBlank();
        assertThat(resolve(number, null).path("matches").size()).isZero();

        String relinked = created(customer, number, "CARD", null).path("linkId").asString();
        assertThat(relinked).isNotEqualTo(linkId);
        assertThat(list(customer, true).size()).isEqualTo(2);
        client.delete()
                .uri("/api/v1/customers/{id}/accounts/{link}", customer, linkId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @Test
    void resolvesUnknownNumbersToNobody() {
        assertThat(resolve("GB82 WEST 1234 5698 7654 32", null).path("matches").size())
                .isZero();
    }

    @Test
    void rejectsInvalidNumbersSayingWhyButNotWhat() {
        byte[] body = link(customer, "DE89 3704 0044 0532 0130 01", "IBAN", null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("invalid-account-number")
                .jsonPath("$.errors[0].field")
                .isEqualTo("accountNumber")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("check digits"))
                .returnResult()
                .getResponseBodyContent();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("0532", "370400440532013001");

        link(customer, "4242 4242 4242 4241", "CARD", null).expectStatus().isEqualTo(422);
        link(customer, "4242", "SAVINGS", null).expectStatus().isBadRequest();
        link(customer, IBAN, null, null).expectStatus().isBadRequest();
        assertThat(list(customer, true).size()).isZero();
    }

    @Test
    void answersNotFoundForUnknownCustomersAndLinks() {
        link(CustomerId.of("BK", "0000000004").value(), IBAN, "IBAN", null)
                .expectStatus()
                .isNotFound();
        client.delete()
                .uri("/api/v1/customers/{id}/accounts/{link}", customer, java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("account-link-not-found");
    }

    @Test
    void requiresTheAccountScopes() {
        client.post()
                .uri("/api/v1/customers/{id}/accounts", customer)
                .header(
                        "Authorization",
                        "Bearer " + TestTokens.withScopes("customers:read customers:write accounts:read"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("accountNumber", IBAN, "type", "IBAN"))
                .exchange()
                .expectStatus()
                .isForbidden();
        client.post()
                .uri("/api/v1/accounts/resolve")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read customers:write"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("accountNumber", IBAN))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void keepsLinkHistoryAppendOnly() {
        created(customer, IBAN, "IBAN", null);

        assertThatThrownBy(() -> jdbc.sql("UPDATE account_links SET type = 'OTHER' WHERE customer_id = :id")
                        .param("id", customer)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM account_links WHERE customer_id = :id")
                        .param("id", customer)
                        .update())
                .hasMessageContaining("append-only");
    }

    private String newCustomer() {
        return new CustomerApi(client).created(aCustomer().build()).path("id").asString();
    }

    private RestTestClient.ResponseSpec link(String customerId, String number, String type, String label) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("accountNumber", number);
        body.put("type", type);
        body.put("label", label);
        return client.post()
                .uri("/api/v1/customers/{id}/accounts", customerId)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private JsonNode created(String customerId, String number, String type, String label) {
        return link(customerId, number, type, label)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode list(String customerId, boolean includeUnlinked) {
        return new CustomerApi(client)
                .json("/api/v1/customers/" + customerId + "/accounts?includeUnlinked=" + includeUnlinked)
                .path("items");
    }

    private JsonNode resolve(String number, String type) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("accountNumber", number);
        body.put("type", type);
        return client.post()
                .uri("/api/v1/accounts/resolve")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
