package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.DomainException;

/** A write to a customer that has been erased: its ID is a tombstone and takes nothing new. */
public final class CustomerErased extends DomainException {

    private CustomerErased(String message) {
        super("customer-erased", Kind.CONFLICT, message);
    }

    public static CustomerErased forId(CustomerId id) {
        return new CustomerErased("The customer " + id.value() + " has been erased; nothing can be recorded for it.");
    }
}
