package io.customeridentity.privacy;

import io.customeridentity.shared.DomainException;

/**
 * A read could not be audited in time (the audit queue stayed full, or its oldest read unwritten too long): it is
 * refused rather than answered unaudited.
 */
public class AuditUnavailable extends DomainException {

    private AuditUnavailable(String message) {
        super("audit-unavailable", Kind.UNAVAILABLE, message);
    }

    public static AuditUnavailable queueFull() {
        return new AuditUnavailable("The audit trail cannot record this read at the moment; retry after a moment.");
    }
}
