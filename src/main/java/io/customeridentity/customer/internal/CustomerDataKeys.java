package io.customeridentity.customer.internal;

import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Customers' wrapped data keys. */
interface CustomerDataKeys extends Repository<CustomerDataKey, UUID> {

    CustomerDataKey save(CustomerDataKey key);
}
