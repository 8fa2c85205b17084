package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;
import java.util.UUID;

/** No merge with this id has the given survivor. */
public final class MergeNotFound extends DomainException {

    public MergeNotFound(UUID mergeId) {
        super("merge-not-found", Kind.NOT_FOUND, "The customer has no merge " + mergeId + ".");
    }
}
