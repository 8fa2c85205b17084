package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** A customer's identity and one version of its profile (normally the current one); where it was merged into. */
public record CustomerDetails(
        CustomerId id,
        CustomerStatus status,
        int version,
        Instant createdAt,
        Instant updatedAt,
        CustomerProfile profile,
        CustomerId mergedInto) {}
