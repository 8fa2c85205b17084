package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** A customer's identity and current profile version. */
public record CustomerDetails(
        CustomerId id,
        CustomerStatus status,
        int version,
        Instant createdAt,
        String givenName,
        String familyName,
        String email,
        String phone) {}
