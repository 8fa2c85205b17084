package io.customeridentity.privacy.internal.audit;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.shared.security.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes audit entries: a time-ordered id, the time to the microsecond (as stored, so cursors match), the origin. */
@Component
class AuditEntries {

    private final AuditIds ids;
    private final Clock clock;

    AuditEntries(Clock clock) {
        this.ids = new AuditIds(clock);
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    AuditEntry of(
            RequestOrigin origin, Instant at, String action, CustomerId customer, int outcome, List<String> disclosed) {
        return of(origin, origin.actor(), at, action, customer, outcome, disclosed);
    }

    /** With an actor the event itself names (erasure, export): the one who asked, also outside a request. */
    AuditEntry of(
            RequestOrigin origin,
            String actor,
            Instant at,
            String action,
            CustomerId customer,
            int outcome,
            List<String> disclosed) {
        return new AuditEntry(
                ids.next(),
                at.truncatedTo(ChronoUnit.MICROS),
                actor,
                origin.client(),
                origin.clientIp(),
                origin.requestId(),
                action,
                customer,
                outcome,
                List.copyOf(disclosed));
    }
}
