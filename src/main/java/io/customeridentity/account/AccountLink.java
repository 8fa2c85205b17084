package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A link between a customer and an account, as anyone may see it: the number only masked. */
public record AccountLink(
        UUID linkId,
        CustomerId customerId,
        AccountType type,
        String masked,
        String last4,
        String label,
        Instant linkedAt,
        Instant unlinkedAt) {

    /** LINKED until unlinked. */
    public enum Status {
        LINKED,
        UNLINKED
    }

    public Status status() {
        return unlinkedAt == null ? Status.LINKED : Status.UNLINKED;
    }
}
