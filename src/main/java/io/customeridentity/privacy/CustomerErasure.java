package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** The answer to an erasure: the customer asked for, now a tombstone, and when it was erased. */
public record CustomerErasure(CustomerId customerId, Instant erasedAt) {}
