package io.customeridentity.interaction;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/** An active customer without recent interactions, and when the last one (if any) happened. */
public record InactiveCustomer(CustomerId customerId, Instant lastInteractionAt) {}
