package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.util.Set;

/** A customer that is probably the same person, how sure (0..1) and why. */
public record Duplicate(CustomerId customerId, BigDecimal score, Set<String> reasons) {}
