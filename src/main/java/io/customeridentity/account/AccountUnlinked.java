package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the unlinking transaction when a link was ended (not when it had been already). */
public record AccountUnlinked(UUID linkId, CustomerId customerId, AccountType type, String last4, Instant at) {}
