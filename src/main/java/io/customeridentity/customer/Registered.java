package io.customeridentity.customer;

/**
 * Outcome of a registration: the customer as first stored, and whether this call created it (false when it answers
 * a repeated request with the same idempotency key).
 */
public record Registered(CustomerDetails customer, boolean created) {}
