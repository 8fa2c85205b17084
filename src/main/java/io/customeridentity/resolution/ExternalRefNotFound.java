package io.customeridentity.resolution;

import io.customeridentity.shared.DomainException;
import java.util.UUID;

/** The customer has no external-ID mapping with this id. */
public final class ExternalRefNotFound extends DomainException {

    public ExternalRefNotFound(UUID refId) {
        super("external-ref-not-found", Kind.NOT_FOUND, "The customer has no external reference " + refId + ".");
    }
}
