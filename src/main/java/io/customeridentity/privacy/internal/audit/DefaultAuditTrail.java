package io.customeridentity.privacy.internal.audit;

import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.Resolved;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.AuditQuery;
import io.customeridentity.privacy.AuditTrail;
import io.customeridentity.shared.ratelimit.RequestRateLimited;
import io.customeridentity.shared.security.RequestOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the reads' entries ({@link ReadAuditQueue}) and the refused requests', and answers the two audit queries;
 * the writes' entries are {@link WriteAudit}'s.
 */
@Service
class DefaultAuditTrail implements AuditTrail {

    private final ReadAuditQueue queue;
    private final AuditTables tables;
    private final AuditEntries entries;
    private final CustomerMerges merges;
    private final boolean enabled;

    DefaultAuditTrail(
            ReadAuditQueue queue,
            AuditTables tables,
            AuditEntries entries,
            CustomerMerges merges,
            AuditProperties properties) {
        this.queue = queue;
        this.tables = tables;
        this.entries = entries;
        this.merges = merges;
        this.enabled = properties.enabled();
    }

    @Override
    public void recordRead(String action, Collection<CustomerId> customers, int outcome, List<String> disclosed) {
        if (!enabled) {
            return;
        }
        RequestOrigin origin = RequestOrigin.current();
        Instant now = entries.now();
        List<AuditEntry> rows = new ArrayList<>(Math.max(1, customers.size()));
        if (customers.isEmpty()) {
            rows.add(entries.of(origin, now, action, null, outcome, disclosed));
        }
        for (CustomerId customer : customers) {
            rows.add(entries.of(origin, now, action, customer, outcome, disclosed));
        }
        queue.offer(rows);
    }

    /** The refused request did nothing, and is audited as such: who, from where, which request; no customer. */
    @EventListener
    void on(RequestRateLimited limited) {
        if (!enabled) {
            return;
        }
        RequestOrigin origin = new RequestOrigin(
                limited.caller().subject(), limited.caller().clientId(), limited.clientIp(), limited.requestId());
        queue.offerOrCount(entries.of(origin, limited.at(), "request.rate_limited", null, 429, List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> ofCustomer(CustomerId id, AuditQuery query) {
        return tables.page(groupOf(id), query);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> ofCallers(AuditQuery query) {
        return tables.page(null, query);
    }

    /** The person the ID resolves to: the survivor and every customer merged into it. */
    List<CustomerId> groupOf(CustomerId id) {
        CustomerId survivor =
                merges.survivorOf(id).map(Resolved::customerId).orElseThrow(() -> CustomerNotFound.forId(id));
        return merges.groupOf(survivor);
    }
}
