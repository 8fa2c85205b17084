package io.customeridentity.privacy.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.SubjectExport;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subject-access export, written straight to the response while it is read (nothing is built in memory). Errors
 * found before the first byte (an unknown customer) are problems as everywhere; a failure while streaming can only
 * cut the document short, which leaves it invalid JSON: the caller retries.
 */
@RestController
@Tag(name = PrivacyTag.NAME, description = PrivacyTag.DESCRIPTION)
class SubjectExportController {

    private final SubjectExport exports;

    SubjectExportController(SubjectExport exports) {
        this.exports = exports;
    }

    @GetMapping(path = "/api/v1/customers/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "exportCustomer",
            summary = "Export everything held about a person (subject access, portability)",
            description = "One JSON document, streamed: every profile version of the person's merge group with"
                    + " author, time and reason; the consent history; every interaction with its free text; account"
                    + " links (masked numbers, types, labels, times); external references; merges; and the audit of"
                    + " who accessed and changed the data (accessAudit). For an erased person, the tombstone only."
                    + " Requires scope privacy:export.")
    @ApiResponse(
            responseCode = "200",
            description = "The export (format customer-identity/subject-export/v1).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = SubjectExportDocument.class)))
    @ProblemResponses({400, 404})
    void export(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            Authentication caller,
            HttpServletResponse response)
            throws IOException {
        SubjectExport.Document document = exports.open(id, caller.getName());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        document.writeTo(response.getOutputStream());
    }
}
