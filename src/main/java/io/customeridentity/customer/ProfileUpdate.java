package io.customeridentity.customer;

/**
 * A change to a customer's profile: the complete new profile, the version it was based on (the caller's
 * {@code If-Match}), who asks and, optionally, why.
 */
public record ProfileUpdate(int expectedVersion, CustomerProfile profile, String actor, String reason) {

    /** Personal data stays out of logs. */
    @Override
    public String toString() {
        return "ProfileUpdate[expectedVersion=" + expectedVersion + ", actor=" + actor + ", profile=****]";
    }
}
