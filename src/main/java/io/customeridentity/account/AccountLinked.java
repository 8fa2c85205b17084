package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the linking transaction when a new link was stored: the number only by its last four digits. */
public record AccountLinked(UUID linkId, CustomerId customerId, AccountType type, String last4, Instant at) {}
