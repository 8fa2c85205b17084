package io.customeridentity.interaction;

import java.time.Instant;
import java.util.UUID;

/**
 * Which interactions of a customer to list, newest first: optional filters, a page size, and the position after
 * which to continue (the last item of the previous page), if any.
 */
public record TimelineQuery(
        InteractionType type,
        InteractionChannel channel,
        Instant from,
        Instant to,
        int limit,
        Instant afterOccurredAt,
        UUID afterId) {}
