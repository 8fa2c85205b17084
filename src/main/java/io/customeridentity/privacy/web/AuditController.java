package io.customeridentity.privacy.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.AuditQuery;
import io.customeridentity.privacy.AuditTrail;
import io.customeridentity.shared.Cursors;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.StorableInput;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail's two views: who did what to a person, and what a caller touched. Newest first, keyset-paged. */
@RestController
@Tag(name = "Audit", description = "Who did what to which customer, and who read whose personal data.")
class AuditController {

    private static final String CURSOR_KIND = "audit";
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_.]{0,63}");
    private static final int MAX_CALLER = 255;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/customers/{id}/audit")
    @Operation(
            operationId = "listCustomerAudit",
            summary = "List who did what to a customer, newest first",
            description = "Every write to the person and every read of their personal data: the customer's own entries"
                    + " and those of every customer merged into it. Keyset-paginated: pass nextCursor back as cursor"
                    + " (with the same filters). Requires scope audit:read.")
    @ProblemResponses({400, 404})
    AuditPage customerAudit(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @Parameter(description = "Only this action, e.g. customer.read.", example = "customer.read")
                    @RequestParam(required = false)
                    String action,
            @Parameter(description = "At or after (RFC 3339).") @RequestParam(required = false) Instant from,
            @Parameter(description = "Before (RFC 3339).") @RequestParam(required = false) Instant to,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) String cursor,
            @Parameter(
                            description = "Page size, 1 to 200.",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit) {
        AuditQuery query = query(null, null, action, from, to, cursor, limit);
        return page(audit.ofCustomer(id, query), limit);
    }

    @GetMapping("/api/v1/audit")
    @Operation(
            operationId = "listAudit",
            summary = "List what callers did, newest first",
            description = "Every audited write and read, filtered by the caller (the token's subject as actor, its"
                    + " client id as client), the action and the time. Keyset-paginated: pass nextCursor back as"
                    + " cursor (with the same filters). Requires scope audit:read.")
    @ProblemResponses({400})
    AuditPage callerAudit(
            @Parameter(description = "Only this caller: a token subject.", example = "jane.doe")
                    @RequestParam(required = false)
                    String actor,
            @Parameter(description = "Only this client: a token's azp or client_id.", example = "crm-backend")
                    @RequestParam(required = false)
                    String client,
            @Parameter(description = "Only this action, e.g. customer.read.", example = "customer.read")
                    @RequestParam(required = false)
                    String action,
            @Parameter(description = "At or after (RFC 3339).") @RequestParam(required = false) Instant from,
            @Parameter(description = "Before (RFC 3339).") @RequestParam(required = false) Instant to,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false) String cursor,
            @Parameter(
                            description = "Page size, 1 to 200.",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit) {
        return page(
                audit.ofCallers(
                        query(caller("actor", actor), caller("client", client), action, from, to, cursor, limit)),
                limit);
    }

    private static AuditQuery query(
            String actor, String client, String action, Instant from, Instant to, String cursor, int limit) {
        if (limit < 1 || limit > AuditTrail.MAX_PAGE_SIZE) {
            throw InvalidInputException.of("limit", "Must be between 1 and " + AuditTrail.MAX_PAGE_SIZE + ".");
        }
        if (action != null && !ACTION.matcher(action).matches()) {
            throw InvalidInputException.of("action", "Must be an action name such as customer.read.");
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> position = Cursors.decode(CURSOR_KIND, cursor, 2);
            try {
                beforeAt = Instant.EPOCH.plus(Long.parseLong(position.get(0)), ChronoUnit.MICROS);
                beforeId = UUID.fromString(position.get(1));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException ex) {
                throw Cursors.invalid();
            }
            if (!StorableInput.isStorable(beforeAt)) {
                throw Cursors.invalid();
            }
        }
        return new AuditQuery(actor, client, action, from, to, beforeAt, beforeId, limit);
    }

    private static String caller(String field, String value) {
        if (value != null && (value.isEmpty() || value.length() > MAX_CALLER || !StorableInput.isStorable(value))) {
            throw InvalidInputException.of(field, "Must be 1 to " + MAX_CALLER + " storable characters.");
        }
        return value;
    }

    private static AuditPage page(List<AuditEntry> entries, int limit) {
        String next = null;
        if (entries.size() == limit) {
            AuditEntry last = entries.get(entries.size() - 1);
            next = Cursors.encode(CURSOR_KIND, ChronoUnit.MICROS.between(Instant.EPOCH, last.at()), last.id());
        }
        return new AuditPage(entries.stream().map(AuditEntryResponse::of).toList(), next);
    }

    /** One page of audit entries. */
    record AuditPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<AuditEntryResponse> items,

            @Schema(description = "Cursor of the next page; absent on the last page.")
            String nextCursor) {}

    /** One audit entry: identifiers and field names, never a personal value. */
    @Schema(name = "AuditEntry")
    record AuditEntryResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,

            @Schema(description = "The token's subject; absent for work outside a request.", example = "jane.doe")
            String actor,

            @Schema(description = "The token's azp or client_id, when it names one.", example = "crm-backend")
            String client,

            @Schema(description = "The caller's address as this service saw it.", example = "10.0.3.17")
            String clientIp,

            @Schema(description = "The request's X-Request-Id.")
            String requestId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "customer.read")
            String action,

            @Schema(
                    description = "The customer; absent for a look-up that matched nobody and a refused request.",
                    example = "AC12345678900")
            String customerId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The HTTP status answered.",
                    example = "200")
            int outcome,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The names of the personal fields the answer showed.",
                    example = "[\"name\", \"email\"]")
            List<String> disclosed) {

        static AuditEntryResponse of(AuditEntry entry) {
            return new AuditEntryResponse(
                    entry.id(),
                    entry.at(),
                    entry.actor(),
                    entry.client(),
                    entry.clientIp(),
                    entry.requestId(),
                    entry.action(),
                    entry.customerId() == null ? null : entry.customerId().value(),
                    entry.outcome(),
                    entry.disclosed());
        }
    }
}
