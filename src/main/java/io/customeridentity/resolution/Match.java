package io.customeridentity.resolution;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.identifier.CustomerId;

/** A customer an identifier resolves to; {@code resolvedFrom} is the customer it matched before following merges. */
public record Match(CustomerId customerId, CustomerStatus status, String matchedBy, CustomerId resolvedFrom) {}
