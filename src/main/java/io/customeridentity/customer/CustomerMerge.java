package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** A merge of one customer into another, and its reversal if any: immutable facts with who, when and why. */
public record CustomerMerge(
        UUID mergeId,
        CustomerId survivorId,
        CustomerId mergedCustomerId,
        Instant at,
        String by,
        String reason,
        Instant reversedAt) {}
