package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** A request with the same {@code Idempotency-Key} is still being processed. */
public final class IdempotencyKeyInFlight extends DomainException {

    public IdempotencyKeyInFlight() {
        super(
                "idempotency-key-in-flight",
                Kind.CONFLICT,
                "A request with this Idempotency-Key is still being processed; retry shortly.");
    }
}
