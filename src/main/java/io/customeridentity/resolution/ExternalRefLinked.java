package io.customeridentity.resolution;

/** Outcome of mapping an external ID: the mapping, and whether this call created it. */
public record ExternalRefLinked(ExternalRef ref, boolean created) {}
