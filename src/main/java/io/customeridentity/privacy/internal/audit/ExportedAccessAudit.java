package io.customeridentity.privacy.internal.audit;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.AuditQuery;
import io.customeridentity.privacy.AuditTrail;
import io.customeridentity.privacy.internal.export.AccessAuditSection;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * The export's {@code accessAudit} (GDPR Art. 15(1)(c), the recipients): every audit entry of the merge group, newest
 * first, streamed a page at a time. Who (subject and client), when, what, with what outcome and which fields; not the
 * client's address or the request id, which say where our callers sit, not who received the data.
 */
@Component
class ExportedAccessAudit implements AccessAuditSection {

    static final int PAGE = AuditTrail.MAX_PAGE_SIZE;
    /** The reads of the last moments are still in memory: written first, waiting this long at most. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(2);

    private final AuditTables tables;
    private final ReadAuditQueue queue;

    ExportedAccessAudit(AuditTables tables, ReadAuditQueue queue) {
        this.tables = tables;
        this.queue = queue;
    }

    @Override
    public void write(JsonGenerator json, List<CustomerId> group) {
        queue.flush(FLUSH_WAIT);
        json.writeArrayPropertyStart("accessAudit");
        AuditQuery query = new AuditQuery(null, null, null, null, null, null, null, PAGE);
        while (true) {
            List<AuditEntry> page = tables.page(group, query);
            page.forEach(entry -> entry(json, entry));
            if (page.size() < PAGE) {
                break;
            }
            AuditEntry last = page.get(page.size() - 1);
            query = new AuditQuery(null, null, null, null, null, last.at(), last.id(), PAGE);
        }
        json.writeEndArray();
    }

    private static void entry(JsonGenerator json, AuditEntry entry) {
        json.writeStartObject();
        json.writeStringProperty("id", entry.id().toString());
        json.writeStringProperty("at", entry.at().toString());
        if (entry.actor() != null) {
            json.writeStringProperty("actor", entry.actor());
        }
        if (entry.client() != null) {
            json.writeStringProperty("client", entry.client());
        }
        json.writeStringProperty("action", entry.action());
        if (entry.customerId() != null) {
            json.writeStringProperty("customerId", entry.customerId().value());
        }
        json.writeNumberProperty("outcome", entry.outcome());
        json.writeArrayPropertyStart("disclosed");
        entry.disclosed().forEach(json::writeString);
        json.writeEndArray();
        json.writeEndObject();
    }
}
