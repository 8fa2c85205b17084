package io.customeridentity.customer.web;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CustomerApiIntegrationTests {

    @Autowired
    RestTestClient client;

    @Test
    void createsCustomerWithNormalizedContactDetails() {
        var result = create(aCustomer().build())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/customers/AC[0-9]{11}")
                .expectBody(CustomerResponse.class)
                .returnResult();
        CustomerResponse created = result.getResponseBody();

        CustomerId id = CustomerId.parse(created.id());
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/customers/" + id.value());
        assertThat(created.displayId()).isEqualTo(id.displayForm());
        assertThat(created.prefix()).isEqualTo("AC");
        assertThat(created.status()).hasToString("ACTIVE");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isNotNull();
        assertThat(created.givenName()).isEqualTo("Ada");
        assertThat(created.email()).isEqualTo("ada.lovelace@example.org");
        assertThat(created.phone()).isEqualTo("+442079460958");
    }

    @Test
    void readsCustomerBackThroughEveryLenientFormOfItsId() {
        CustomerResponse created = createdCustomer(aCustomer().build());
        CustomerId id = CustomerId.parse(created.id());
        String body = id.body() + id.checkDigit();
        String spokenForm = id.prefix().toLowerCase() + " " + body.substring(0, 4) + " " + body.substring(4, 8) + " "
                + body.substring(8).replace('0', 'O').replace('1', 'l');

        for (String form : new String[] {
            id.value(),
            id.displayForm(),
            id.value().toLowerCase(),
            spokenForm,
            id.prefix() + "." + body.substring(0, 4) + "." + body.substring(4),
            body.replace('1', 'I').replace('0', 'o').transform(digits -> id.prefix() + digits)
        }) {
            CustomerResponse read = client.get()
                    .uri("/api/v1/customers/{id}", form)
                    .header("Authorization", "Bearer " + TestTokens.readWrite())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("ETag", "\"1\"")
                    .expectBody(CustomerResponse.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(read).as("read via '%s'", form).isEqualTo(created);
        }
    }

    @Test
    void issuesIdsWithTheRequestedPrefixCaseInsensitively() {
        CustomerResponse created =
                createdCustomer(aCustomer().with("prefix", "bk").build());

        assertThat(created.id()).startsWith("BK");
        assertThat(created.prefix()).isEqualTo("BK");
    }

    @Test
    void acceptsCustomerWithOnlyAPhoneNumber() {
        CustomerResponse created = createdCustomer(Map.of("phone", "+1 (202) 555-0143"));

        assertThat(created.phone()).isEqualTo("+12025550143");
        assertThat(created.givenName()).isNull();
        assertThat(created.email()).isNull();
    }

    @Test
    void rejectsUnknownPrefixOnCreate() {
        create(aCustomer().with("prefix", "ZZ").build())
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("unknown-prefix")
                .jsonPath("$.type")
                .isEqualTo("/problems/unknown-prefix");
    }

    @Test
    void rejectsCustomerWithoutNameEmailOrPhone() {
        create(Map.of("prefix", "AC", "givenName", "   "))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("At least one"));
    }

    @Test
    void rejectsInvalidEmailAndPhoneNamingTheFieldsButNotTheValues() {
        byte[] body = create(aCustomer()
                        .with("email", "not-an-address@")
                        .with("phone", "12345")
                        .build())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).contains("email", "phone"))
                .returnResult()
                .getResponseBodyContent();

        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("not-an-address", "12345");
    }

    @Test
    void rejectsOverlongFields() {
        create(aCustomer()
                        .with("givenName", "x".repeat(101))
                        .with("familyName", "y".repeat(101))
                        .build())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed")
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AC1234", "AC12345678900123", "1212345678900", "AC12345X78900"})
    void rejectsMalformedIds(String malformed) {
        expectGetProblem(malformed, 400, "invalid-customer-id");
    }

    @Test
    void rejectsWrongCheckDigit() {
        expectGetProblem("AC12345678901", 400, "check-digit-mismatch");
    }

    @Test
    void rejectsUnknownPrefixOnRead() {
        String zz = CustomerId.of("ZZ", "1234567890").value();
        expectGetProblem(zz, 400, "unknown-prefix");
    }

    @Test
    void answersNotFoundForWellFormedAbsentId() {
        CustomerId absent = CustomerId.of("BK", "0000000001");
        expectGetProblem(absent.displayForm(), 404, "customer-not-found");
    }

    @Test
    void validatesCandidateIdsWithoutLookingThemUp() {
        client.get()
                .uri("/api/v1/customer-ids/{candidate}", "ac 1234 5678 9OO")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.input")
                .isEqualTo("ac 1234 5678 9OO")
                .jsonPath("$.valid")
                .isEqualTo(true)
                .jsonPath("$.canonical")
                .isEqualTo("AC12345678900")
                .jsonPath("$.displayId")
                .isEqualTo("AC-1234-5678-900")
                .jsonPath("$.prefix")
                .isEqualTo("AC");

        client.get()
                .uri("/api/v1/customer-ids/{candidate}", "AC-1234-5678-901")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.valid")
                .isEqualTo(false)
                .jsonPath("$.error.code")
                .isEqualTo("check-digit-mismatch")
                .jsonPath("$.canonical")
                .doesNotExist();
    }

    @Test
    void listsConfiguredPrefixes() {
        client.get()
                .uri("/api/v1/prefixes")
                .header("Authorization", "Bearer " + TestTokens.withScopes("customers:read"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"prefixes": ["AC", "BK"], "defaultPrefix": "AC"}""");
    }

    private void expectGetProblem(String id, int status, String code) {
        client.get()
                .uri("/api/v1/customers/{id}", id)
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.type")
                .isEqualTo("/problems/" + code)
                .jsonPath("$.title")
                .isNotEmpty()
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.requestId")
                .isNotEmpty();
    }

    private CustomerResponse createdCustomer(Map<String, Object> body) {
        return create(body)
                .expectStatus()
                .isCreated()
                .expectBody(CustomerResponse.class)
                .returnResult()
                .getResponseBody();
    }

    private RestTestClient.ResponseSpec create(Map<String, Object> body) {
        return client.post()
                .uri("/api/v1/customers")
                .header("Authorization", "Bearer " + TestTokens.readWrite())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }
}
