package io.customeridentity.resolution;

/**
 * Exactly one identifier to resolve. {@link #toString()} keeps personal data out of logs. {@code customerId} is the
 * caller's text in any lenient form, not a {@code CustomerId}: whether exactly one identifier was given is decided
 * before it is parsed, so a request naming two identifiers is told so rather than that one of them is mistyped.
 */
public record ResolveQuery(String customerId, String email, String phone, String system, String externalId) {

    @Override
    public String toString() {
        return "ResolveQuery[****]";
    }
}
