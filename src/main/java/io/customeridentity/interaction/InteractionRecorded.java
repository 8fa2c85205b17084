package io.customeridentity.interaction;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.UUID;

/** One newly stored interaction, as {@link InteractionsRecorded} reports it: what happened, not what was said. */
public record InteractionRecorded(
        UUID interactionId, CustomerId customerId, InteractionType type, InteractionChannel channel, Instant at) {}
