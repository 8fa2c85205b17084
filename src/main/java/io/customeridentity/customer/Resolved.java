package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;

/** Where a customer ID leads after following merges: the surviving customer and its status. */
public record Resolved(CustomerId customerId, CustomerStatus status) {}
