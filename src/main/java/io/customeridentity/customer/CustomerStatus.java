package io.customeridentity.customer;

/** Lifecycle state of a customer ID. */
public enum CustomerStatus {
    ACTIVE
}
