package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** Another system's ID for a customer; ended mappings stay in the history. */
public record ExternalRef(
        UUID refId, CustomerId customerId, String system, String externalId, Instant linkedAt, Instant endedAt) {}
