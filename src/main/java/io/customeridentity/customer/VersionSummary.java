package io.customeridentity.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** Who changed what, when and why, in one version. */
public record VersionSummary(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int version,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The subject of the token that made the change.")
        String changedBy,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> changedFields,

        @Schema(description = "Why, when the change gave a reason; absent when the answer is masked.")
        String reason) {}
