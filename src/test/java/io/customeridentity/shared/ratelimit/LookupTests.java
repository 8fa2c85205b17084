package io.customeridentity.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests spend the look-up budget, and how. */
class LookupTests {

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/resolve, ALWAYS",
        "POST, /api/v1/accounts/resolve, ALWAYS",
        "POST, /api/v1/customers/matches, ALWAYS",
        "GET, /api/v1/customers/AC12345678900/duplicates, ALWAYS",
        "HEAD, /api/v1/customers/AC12345678900/duplicates, ALWAYS",
        "GET, /api/v1/customers/AC12345678900, ON_NOT_FOUND",
        "HEAD, /api/v1/customers/AC12345678900, ON_NOT_FOUND",
        "GET, /api/v1/customers/ac%201234%205678%209OO, ON_NOT_FOUND",
        "GET, /api/v1/customers/AC12345678900/versions/2, ON_NOT_FOUND",
        "GET, /api/v1/customers/AC12345678900/interactions, ON_NOT_FOUND",
        "GET, /api/v1/customers/duplicates, ON_NOT_FOUND",
        "GET, /api/v1/customers/AC12345678900/duplicates/x, ON_NOT_FOUND",
        "GET, /api/v1/customers, NONE",
        "POST, /api/v1/customers, NONE",
        "PATCH, /api/v1/customers/AC12345678900, NONE",
        "POST, /api/v1/customers/AC12345678900/interactions, NONE",
        "GET, /api/v1/resolve, NONE",
        "GET, /api/v1/prefixes, NONE",
        "GET, /api/v1/customer-ids/AC12345678900, NONE",
        "GET, /api/v1/events, NONE"
    })
    void classifiesEachRequest(String method, String path, Lookup expected) {
        assertThat(Lookup.of(new MockHttpServletRequest(method, path))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void chargesARegistrationThatAsksForTheDuplicateCheck() {
        MockHttpServletRequest registration = new MockHttpServletRequest("POST", "/api/v1/customers");
        registration.addHeader("Prefer", "respond-async, duplicates=reject");
        assertThat(Lookup.of(registration)).isEqualTo(Lookup.ALWAYS);
    }
}
