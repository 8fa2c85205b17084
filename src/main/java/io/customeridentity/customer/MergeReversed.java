package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the reversing transaction: {@code merged} is a customer of its own again. */
public record MergeReversed(UUID mergeId, CustomerId survivor, CustomerId merged, Instant at) {}
