package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.Cursors;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.security.PersonalDataMask;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ETags;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's version history: who changed what, when and why, and every past snapshot. */
@RestController
@RequestMapping("/api/v1/customers/{id}/versions")
@Tag(name = "Customer versions", description = "The append-only history of a customer's profile.")
class CustomerVersionController {

    private static final String CURSOR_KIND = "version";

    private final CustomerManagement customers;

    CustomerVersionController(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping
    @Operation(
            operationId = "listCustomerVersions",
            summary = "List a customer's versions, newest first",
            description = "Keyset-paginated: pass nextCursor back as cursor for the next page. Change reasons are "
                    + "personal data: without scope customers:pii they are absent (masked: true). Requires scope "
                    + "customers:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("customer.versions.list")
    VersionPage list(
            @Parameter(example = "AC-1234-5678-900") @PathVariable("id") CustomerId customerId,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) String cursor,
            @Parameter(
                            description = "Page size, 1 to 100.",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
                    @RequestParam(defaultValue = "20")
                    int limit,
            Authentication caller) {
        if (limit < 1 || limit > CustomerManagement.MAX_PAGE_SIZE) {
            throw InvalidInputException.of("limit", "Must be between 1 and " + CustomerManagement.MAX_PAGE_SIZE + ".");
        }
        Integer before = cursor == null ? null : versionIn(cursor);
        List<VersionSummary> items = customers.versions(customerId, before, limit);
        int last = items.isEmpty() ? 1 : items.get(items.size() - 1).version();
        String next = items.size() == limit && last > 1 ? Cursors.encode(CURSOR_KIND, last) : null;
        boolean masked = PersonalDataMask.appliesTo(caller);
        return new VersionPage(
                masked
                        ? items.stream()
                                .map(CustomerVersionController::withoutReason)
                                .toList()
                        : items,
                next,
                masked);
    }

    @GetMapping("/{version}")
    @Operation(
            operationId = "getCustomerVersion",
            summary = "Read one version of a customer's profile",
            description = "Without scope customers:pii the answer is masked (see CustomerResponse). Requires scope "
                    + "customers:read.")
    @ApiResponse(
            responseCode = "200",
            description = "The customer as it was at that version.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version shown, quoted.",
                            schema = @Schema(type = "string")))
    @ProblemResponses({400, 404})
    @AuditedRead("customer.version.read")
    ResponseEntity<CustomerResponse> get(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @Parameter(example = "1") @PathVariable int version,
            Authentication caller) {
        CustomerDetails customer = customers.findVersion(id, version);
        return ResponseEntity.ok()
                .eTag(ETags.of(customer.version()))
                .body(CustomerResponse.of(customer, PersonalDataMask.appliesTo(caller)));
    }

    /** A change reason is free text about the person (and encrypted as personal data): not for a masked answer. */
    private static VersionSummary withoutReason(VersionSummary summary) {
        return summary.reason() == null
                ? summary
                : new VersionSummary(
                        summary.version(), summary.createdAt(), summary.changedBy(), summary.changedFields(), null);
    }

    private static int versionIn(String cursor) {
        try {
            return Integer.parseInt(Cursors.decode(CURSOR_KIND, cursor, 1).get(0));
        } catch (NumberFormatException ex) {
            throw Cursors.invalid();
        }
    }

    /** One page of versions. */
    record VersionPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<VersionSummary> items,

            @Schema(description = "Cursor of the next page; absent on the last page.")
            String nextCursor,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "true when the caller lacks the scope `customers:pii`: the items' `reason` is then"
                            + " absent.",
                    example = "false")
            boolean masked)
            implements DisclosesPersonalData {

        /** Change reasons are personal (encrypted, erased with the person); the rest is not. */
        @Override
        public List<String> disclosed() {
            return items.stream().anyMatch(item -> item.reason() != null) ? List.of("version.reason") : List.of();
        }
    }
}
