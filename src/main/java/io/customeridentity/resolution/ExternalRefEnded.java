package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Published inside the ending transaction when a mapping of another system's ID was ended (not when it had been). */
public record ExternalRefEnded(UUID refId, CustomerId customerId, String system, Instant at) {}
