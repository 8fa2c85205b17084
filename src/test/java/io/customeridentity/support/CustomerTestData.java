package io.customeridentity.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds create-customer request bodies: a complete valid one, changed field by field. */
public final class CustomerTestData {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private CustomerTestData() {
        body.put("givenName", "Ada");
        body.put("familyName", "Lovelace");
        body.put("email", "Ada.Lovelace@Example.ORG");
        body.put("phone", "+44 20 7946 0958");
    }

    public static CustomerTestData aCustomer() {
        return new CustomerTestData();
    }

    public CustomerTestData with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public CustomerTestData without(String field) {
        body.remove(field);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(body);
    }
}
