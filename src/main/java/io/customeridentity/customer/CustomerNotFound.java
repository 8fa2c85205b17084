package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.DomainException;

/** No customer has the given (well-formed) ID. */
public final class CustomerNotFound extends DomainException {

    private CustomerNotFound(String message) {
        super("customer-not-found", Kind.NOT_FOUND, message);
    }

    public static CustomerNotFound forId(CustomerId id) {
        return new CustomerNotFound("No customer has the ID " + id.value() + ".");
    }
}
