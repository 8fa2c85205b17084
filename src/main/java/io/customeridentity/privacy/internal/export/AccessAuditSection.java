package io.customeridentity.privacy.internal.export;

import io.customeridentity.identifier.CustomerId;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * THE EXPORT'S "WHO ACCESSED THEIR DATA" SECTION (Art. 15(1)(c), the recipients), NOT BUILT YET: it comes from the
 * audit trail, which another branch builds. Once the audit lands, a bean implementing this writes the
 * {@code accessAudit} member of the export (and the README's export format and the OpenAPI schema
 * {@code SubjectExportDocument} gain it). Without such a bean the export has no {@code accessAudit} member.
 */
public interface AccessAuditSection {

    /** Writes {@code "accessAudit": ...} for the customers of the merge group, streaming as the rest does. */
    void write(JsonGenerator json, List<CustomerId> group);
}
