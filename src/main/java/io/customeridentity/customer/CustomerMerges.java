package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges of duplicate customers and their reversal. Nothing stored is rewritten: a merge is a history row, and what
 * belongs to a survivor (its merge group) is derived from the merges in force.
 */
public interface CustomerMerges {

    /**
     * Merges {@code merged} into {@code survivor}, whose current version must be {@code expectedVersion}.
     *
     * @throws MergeConflict merging into itself, from or into a customer that is not ACTIVE
     */
    CustomerMerge merge(CustomerId survivor, int expectedVersion, CustomerId merged, String reason, String actor);

    /** Undoes a merge of this survivor: the merged customer is ACTIVE again with everything recorded against it. */
    CustomerMerge reverse(CustomerId survivor, UUID mergeId, String reason, String actor);

    /** Merges the customer took part in, as survivor or as merged customer, oldest first. */
    List<CustomerMerge> mergesOf(CustomerId id);

    /** The customer the ID resolves to, following merge chains (one query); empty for an unknown ID. */
    Optional<Resolved> survivorOf(CustomerId id);

    /**
     * The IDs whose records show up under this customer: itself and every customer merged into it, transitively.
     *
     * @throws CustomerNotFound when no customer has the ID
     */
    List<CustomerId> groupOf(CustomerId survivor);
}
