package io.customeridentity.customer;

/** Lifecycle state of a customer ID. */
public enum CustomerStatus {
    ACTIVE,
    /** Merged into another customer: resolves to it, its own history stays readable. */
    MERGED,
    /** Erased: the ID is a tombstone, every personal value is unreadable (crypto-shredded) or deleted. */
    ERASED
}
