package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;

/** Erases a person (GDPR Art. 17): the whole merge group becomes tombstones, every personal value unreadable. */
public interface ErasureManagement {

    /** Longest reason, in characters. */
    int MAX_REASON = 500;

    /**
     * Erases the customer's merge group; repeating it answers the same erasure.
     *
     * @param reason why, 1 to {@value #MAX_REASON} characters, without personal data (it is kept)
     * @param actor who asks (the token's subject)
     */
    CustomerErasure erase(CustomerId id, String reason, String actor);
}
