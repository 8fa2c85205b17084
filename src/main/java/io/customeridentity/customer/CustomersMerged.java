package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the merging transaction: {@code merged} now resolves to {@code survivor}. */
public record CustomersMerged(UUID mergeId, CustomerId survivor, CustomerId merged, Instant at) {}
