package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * Crypto-shredding: turns a customer's whole merge group into tombstones and destroys their data keys and look-up
 * rows, so that nothing stored about the person can be read or found any more. For the privacy module's erasure.
 */
public interface CustomerErasures {

    /**
     * Erases the merge group of the customer (the customers of a merge group are one person); repeating it changes
     * nothing and answers the same.
     *
     * @param reason why, as the caller gave it (kept with the erasure record)
     * @return every customer of the group, in ID order
     * @throws CustomerNotFound when no customer has the ID
     */
    List<ErasedCustomer> erase(CustomerId id, Instant at, String actor, String reason);

    /** One tombstone: when it was erased, and whether this call erased it (false: an earlier erasure did). */
    record ErasedCustomer(CustomerId customerId, Instant erasedAt, boolean erasedNow) {}
}
