package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/** Registers customers, changes their profiles as new versions, and reads any version. */
public interface CustomerManagement {

    /** Largest page of {@link #versions}. */
    int MAX_PAGE_SIZE = 100;

    /**
     * Issues a new customer ID and stores version 1 of the profile.
     *
     * @param actor who asks (the token's subject), recorded with the version; also the scope of idempotency keys
     * @param idempotencyKey optional: the same key with the same request within 24 hours answers the original
     *     registration again instead of creating another customer
     */
    default Registered register(NewCustomer customer, String actor, String idempotencyKey) {
        return register(customer, actor, idempotencyKey, false);
    }

    /**
     * The same; with {@code refuseLikelyDuplicates}, {@link LikelyDuplicate} instead when an existing customer scores
     * at or above {@code customer-identity.matching.reject-score} against the profile (a replay of an earlier
     * registration with the same idempotency key still answers that registration).
     */
    Registered register(NewCustomer customer, String actor, String idempotencyKey, boolean refuseLikelyDuplicates);

    /** The customer's current version; {@link CustomerNotFound} when no customer has this ID. */
    CustomerDetails find(CustomerId id);

    /** The version in force at the given instant. */
    CustomerDetails findAsOf(CustomerId id, Instant at);

    /** One version, by number. */
    CustomerDetails findVersion(CustomerId id, int version);

    /** Versions newest first, below {@code beforeVersion} when given; at most {@code limit}. */
    List<VersionSummary> versions(CustomerId id, Integer beforeVersion, int limit);

    /**
     * Stores the profile as a new version if it differs from the current one; {@link VersionConflict} when the
     * current version is not the expected one.
     */
    CustomerDetails update(CustomerId id, ProfileUpdate update);
}
