package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;

/** The caller's {@code If-Match} names a version that is no longer current. */
public final class VersionConflict extends DomainException {

    private final int currentVersion;

    private VersionConflict(int currentVersion, String message) {
        super("version-conflict", Kind.PRECONDITION_FAILED, message);
        this.currentVersion = currentVersion;
    }

    public static VersionConflict expected(int expected, int current) {
        return new VersionConflict(
                current,
                "The customer is at version " + current + ", not " + expected
                        + "; read it again and re-apply the change.");
    }

    public int currentVersion() {
        return currentVersion;
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("currentVersion", currentVersion);
    }
}
