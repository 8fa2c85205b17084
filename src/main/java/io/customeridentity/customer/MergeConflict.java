package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** A merge or reversal that the customers' current states do not allow. */
public final class MergeConflict extends DomainException {

    public MergeConflict(String message) {
        super("merge-conflict", Kind.CONFLICT, message);
    }
}
