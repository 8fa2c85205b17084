package io.customeridentity.privacy.internal.export;

import io.customeridentity.identifier.CustomerId;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * The export's "who accessed their data" section (GDPR Art. 15(1)(c), the recipients), written from the audit trail
 * (privacy/internal/audit). Without such a bean (never, today) the export has no {@code accessAudit} member.
 */
public interface AccessAuditSection {

    /** Writes {@code "accessAudit": ...} for the customers of the merge group, streaming as the rest does. */
    void write(JsonGenerator json, List<CustomerId> group);
}
