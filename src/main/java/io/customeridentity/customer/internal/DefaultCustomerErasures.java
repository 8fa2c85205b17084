package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerErasures;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.internal.cache.CustomerCache;
import io.customeridentity.customer.internal.store.CustomerTables;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure's database work is one call of the privileged function {@code erase_customer_data} (see
 * {@link CustomerTables#erase}); this instance's cache forgets at commit, the others on the change notification.
 */
@Service
class DefaultCustomerErasures implements CustomerErasures {

    private final CustomerTables tables;
    private final CustomerCache cache;

    DefaultCustomerErasures(CustomerTables tables, CustomerCache cache) {
        this.tables = tables;
        this.cache = cache;
    }

    @Override
    @Transactional
    public List<ErasedCustomer> erase(CustomerId id, Instant at, String actor, String reason) {
        List<ErasedCustomer> group = tables.erase(id.value(), at, actor, reason);
        if (group.isEmpty()) {
            throw CustomerNotFound.forId(id);
        }
        group.forEach(erased -> cache.evictAfterCommit(erased.customerId().value()));
        return group;
    }
}
