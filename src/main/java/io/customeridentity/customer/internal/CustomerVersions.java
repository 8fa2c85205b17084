package io.customeridentity.customer.internal;

import org.springframework.data.repository.Repository;

/** Append-only profile versions: saving is the only write. */
interface CustomerVersions extends Repository<CustomerVersion, CustomerVersion.Key> {

    CustomerVersion save(CustomerVersion version);
}
