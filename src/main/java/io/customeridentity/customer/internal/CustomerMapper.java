package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** Maps stored rows to the module's public records. */
final class CustomerMapper {

    private CustomerMapper() {}

    static CustomerDetails details(CurrentCustomer row) {
        return new CustomerDetails(
                CustomerId.parse(row.id()),
                row.status(),
                row.version(),
                row.createdAt(),
                row.givenName(),
                row.familyName(),
                row.email(),
                row.phone());
    }

    static CustomerDetails details(CustomerId id, Profile profile, Instant createdAt) {
        return new CustomerDetails(
                id,
                CustomerStatus.ACTIVE,
                1,
                createdAt,
                profile.givenName(),
                profile.familyName(),
                profile.email(),
                profile.phone());
    }
}
