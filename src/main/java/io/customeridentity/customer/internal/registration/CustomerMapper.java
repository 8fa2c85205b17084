package io.customeridentity.customer.internal.registration;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** Maps what was just stored to the module's public records. */
final class CustomerMapper {

    private CustomerMapper() {}

    static CustomerDetails first(CustomerId id, CustomerProfile profile, Instant createdAt) {
        return new CustomerDetails(id, CustomerStatus.ACTIVE, 1, createdAt, createdAt, profile, null);
    }
}
