package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.DomainException;

/** The customer exists but has no such version (or none yet at the asked instant). */
public final class VersionNotFound extends DomainException {

    private VersionNotFound(String message) {
        super("version-not-found", Kind.NOT_FOUND, message);
    }

    public static VersionNotFound number(CustomerId id, int version) {
        return new VersionNotFound("Customer " + id.value() + " has no version " + version + ".");
    }

    public static VersionNotFound at(CustomerId id, java.time.Instant at) {
        return new VersionNotFound("Customer " + id.value() + " did not exist yet at " + at + ".");
    }
}
