package io.customeridentity.interaction;

import java.util.UUID;

/** What became of one item of a batch. */
public record BatchItemResult(int index, Status status, UUID id, ItemError error) {

    /** CREATED: stored now; DUPLICATE: stored earlier under the same (source, externalId); REJECTED: not stored. */
    public enum Status {
        CREATED,
        DUPLICATE,
        REJECTED
    }

    /** Why an item was rejected: a problem code and, for invalid fields, which field. */
    public record ItemError(String code, String field, String message) {}
}
