package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** An {@code Idempotency-Key} was sent again with a different request. */
public final class IdempotencyKeyReused extends DomainException {

    public IdempotencyKeyReused() {
        super(
                "idempotency-key-reused",
                Kind.BROKEN_RULE,
                "This Idempotency-Key was used for a different request in the last 24 hours; use a new key.");
    }
}
