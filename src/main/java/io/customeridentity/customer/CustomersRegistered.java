package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.security.RequestOrigin;
import java.time.Instant;
import java.util.List;

/**
 * Published, inside the registering transaction, when customers are registered (several at once when registrations
 * share a statement); listeners that write must do so in that transaction. A shared statement runs on one of its
 * callers' threads, so each customer comes with the origin of the request that registered it (for the audit trail).
 *
 * @param origins the request of each customer, in the order of {@code customerIds}
 */
public record CustomersRegistered(List<CustomerId> customerIds, List<RequestOrigin> origins, Instant at) {

    public CustomersRegistered {
        if (origins.size() != customerIds.size()) {
            throw new IllegalArgumentException("One origin per customer");
        }
    }
}
