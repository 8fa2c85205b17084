package io.customeridentity.customer;

/** Lifecycle state of a customer ID. */
public enum CustomerStatus {
    ACTIVE,
    /** Merged into another customer: resolves to it, its own history stays readable. */
    MERGED
}
