package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer currently linked to a resolved account number: the surviving customer, and {@code resolvedFrom} the
 * customer the link belongs to when that one was merged into it (else null).
 */
public record AccountMatch(
        CustomerId customerId, UUID linkId, AccountType type, Instant linkedAt, CustomerId resolvedFrom) {}
