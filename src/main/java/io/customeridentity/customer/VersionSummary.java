package io.customeridentity.customer;

import java.time.Instant;
import java.util.List;

/** Who changed what, when and why, in one version. */
public record VersionSummary(
        int version, Instant createdAt, String changedBy, List<String> changedFields, String reason) {}
