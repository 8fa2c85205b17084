package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/** Published inside the changing transaction when a profile got a new version: its number and the changed fields. */
public record ProfileChanged(CustomerId customerId, int version, List<String> changedFields, Instant at) {}
