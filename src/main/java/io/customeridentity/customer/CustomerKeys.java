package io.customeridentity.customer;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.identifier.CustomerId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The customers' data keys, for modules that store personal data about a customer: encrypting under the customer's
 * own key is what lets erasing the customer make that data unreadable too.
 */
public interface CustomerKeys {

    /** The current data key of each given customer that exists; unknown IDs are absent from the map. */
    Map<CustomerId, DataKey> currentKeys(Collection<CustomerId> customerIds);

    /**
     * Those of the given customers that exist (have a data key), without unwrapping any key: for callers with
     * nothing personal to encrypt for some customers.
     */
    Set<CustomerId> existing(Collection<CustomerId> customerIds);

    /** Those of the given customers that have been erased: they have no data key any more, and take no writes. */
    Set<CustomerId> erased(Collection<CustomerId> customerIds);

    /**
     * What to throw for a customer without a data key: {@link CustomerErased} for an erased customer, else
     * {@link CustomerNotFound}.
     */
    default RuntimeException missing(CustomerId customerId) {
        return erased(java.util.List.of(customerId)).isEmpty()
                ? CustomerNotFound.forId(customerId)
                : CustomerErased.forId(customerId);
    }

    /** Data keys by id, for decryption; keys that no longer exist (erased customers) are absent. */
    Map<UUID, DataKey> keysById(Collection<UUID> keyIds);
}
