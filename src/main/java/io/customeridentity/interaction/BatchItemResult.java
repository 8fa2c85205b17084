package io.customeridentity.interaction;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** What became of one item of a batch. */
public record BatchItemResult(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Position of the item in the batch, from 0.")
        int index,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Status status,

        @Schema(description = "CREATED and DUPLICATE: the interaction's id.")
        UUID id,

        @Schema(description = "REJECTED only: why.") ItemError error) {

    /** CREATED: stored now; DUPLICATE: stored earlier under the same (source, externalId); REJECTED: not stored. */
    public enum Status {
        CREATED,
        DUPLICATE,
        REJECTED
    }

    /** Why an item was rejected: a problem code and, for invalid fields, which field. */
    public record ItemError(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "validation-failed")
            String code,

            @Schema(description = "The invalid field, when one is to blame.", example = "occurredAt")
            String field,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message) {}
}
