package io.customeridentity.customer;

/** Outcome of a registration: the customer as first stored, and whether this answers a repeated request. */
public record Registration(CustomerDetails customer, boolean replayed) {}
