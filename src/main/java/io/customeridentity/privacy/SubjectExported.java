package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;

/**
 * Published inside a transaction when a subject-access export starts: who exported whose data, and when (for the
 * audit). Carries no personal data.
 */
public record SubjectExported(CustomerId customerId, String actor, Instant at) {}
