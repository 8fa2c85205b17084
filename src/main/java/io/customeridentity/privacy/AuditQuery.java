package io.customeridentity.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries to list, newest first: every filter is optional ({@code from} inclusive, {@code to}
 * exclusive); {@code beforeAt} and {@code beforeId} continue after the last entry of the previous page.
 */
public record AuditQuery(
        String actor,
        String client,
        String action,
        Instant from,
        Instant to,
        Instant beforeAt,
        UUID beforeId,
        int limit) {

    public AuditQuery {
        if ((beforeAt == null) != (beforeId == null)) {
            throw new IllegalArgumentException("beforeAt and beforeId go together");
        }
        if (limit < 1 || limit > AuditTrail.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit out of range");
        }
    }
}
