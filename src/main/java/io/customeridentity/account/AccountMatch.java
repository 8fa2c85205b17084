package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A customer currently linked to a resolved account number. */
public record AccountMatch(CustomerId customerId, UUID linkId, AccountType type, Instant linkedAt) {}
