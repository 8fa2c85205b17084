package io.customeridentity.customer.internal;

/** The normalised profile fields of one version. */
record Profile(String givenName, String familyName, String email, String phone) {}
