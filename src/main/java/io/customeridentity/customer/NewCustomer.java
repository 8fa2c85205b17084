package io.customeridentity.customer;

/** What a registration supplies; every field is optional, but one of name, e-mail or phone must be given. */
public record NewCustomer(String prefix, String givenName, String familyName, String email, String phone) {}
