package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the linking transaction when another system's ID was newly mapped to a customer. */
public record ExternalRefAdded(UUID refId, CustomerId customerId, String system, Instant at) {}
