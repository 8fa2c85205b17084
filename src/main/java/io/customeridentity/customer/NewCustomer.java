package io.customeridentity.customer;

/**
 * What a registration supplies: an optional prefix and the profile (one of name, e-mail or phone is required), as
 * the caller sent it; the service normalises and validates it.
 */
public record NewCustomer(String prefix, CustomerProfile profile) {}
