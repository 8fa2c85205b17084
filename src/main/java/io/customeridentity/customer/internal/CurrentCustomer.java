package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerStatus;
import java.time.Instant;

/** Projection of a customer with its current version. */
record CurrentCustomer(
        String id,
        CustomerStatus status,
        int version,
        Instant createdAt,
        String givenName,
        String familyName,
        String email,
        String phone) {}
