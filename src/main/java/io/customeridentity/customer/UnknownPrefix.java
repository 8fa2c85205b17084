package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** A registration asked for a prefix that is not configured. */
public final class UnknownPrefix extends DomainException {

    private UnknownPrefix(String message) {
        super("unknown-prefix", Kind.BROKEN_RULE, message);
    }

    /** The message never repeats the requested prefix: the field may hold anything the caller sent. */
    public static UnknownPrefix forRegistration() {
        return new UnknownPrefix(
                "The requested prefix is not one this service issues; GET /api/v1/prefixes lists those it does.");
    }
}
