package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.DomainException;

/** A write to a customer that has been erased: its ID is a tombstone and takes nothing new. */
public final class CustomerErased extends DomainException {

    private CustomerErased(String message) {
        super("customer-erased", Kind.CONFLICT, message);
    }

    /** SQLSTATE of the database's refusal to write a look-up row of an erased customer (migration V50). */
    public static final String SQL_STATE = "CIE01";

    public static CustomerErased forId(CustomerId id) {
        return new CustomerErased("The customer " + id.value() + " has been erased; nothing can be recorded for it.");
    }

    /** Whether the failure is the database refusing a write to an erased customer (a write that raced the erasure). */
    public static boolean refusedByDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
