package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;

/** Registers customers and reads their current profile. */
public interface CustomerManagement {

    /**
     * Issues a new customer ID and stores version 1 of the profile.
     *
     * @param actor who asks (the token's subject), recorded with the version
     */
    CustomerDetails register(NewCustomer customer, String actor);

    /** The customer's current profile; {@link CustomerNotFound} when no customer has this ID. */
    CustomerDetails find(CustomerId id);
}
