package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** A registration asked for a prefix that is not configured. */
public final class UnknownPrefix extends DomainException {

    private UnknownPrefix(String message) {
        super("unknown-prefix", Kind.BROKEN_RULE, message);
    }

    public static UnknownPrefix of(String prefix) {
        return new UnknownPrefix("The prefix '" + prefix + "' is not configured for this service.");
    }
}
