package io.customeridentity.resolution;

/** Exactly one identifier to resolve. {@link #toString()} keeps personal data out of logs. */
public record ResolveQuery(String customerId, String email, String phone, String system, String externalId) {

    @Override
    public String toString() {
        return "ResolveQuery[****]";
    }
}
