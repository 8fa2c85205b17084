package io.customeridentity.interaction.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.interaction.InactiveCustomer;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.shared.Cursors;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The churn-risk list: active customers without recent interactions. */
@RestController
@Tag(name = "Interactions")
class InactiveCustomersController {

    private static final String CURSOR_KIND = "inactive";

    private final InteractionManagement interactions;

    InactiveCustomersController(InteractionManagement interactions) {
        this.interactions = interactions;
    }

    @GetMapping(path = "/api/v1/customers", params = "inactiveSince")
    @Operation(
            operationId = "listInactiveCustomers",
            summary = "List active customers with no interaction since an instant",
            description = "Ordered by customer ID, keyset-paginated. Requires scope customers:read.")
    @ProblemResponses({400})
    InactivePage inactive(
            @Parameter(description = "RFC 3339 instant.", example = "2026-06-01T00:00:00Z", required = true)
                    @RequestParam
                    Instant inactiveSince,
            @Parameter(description = "Only this prefix.", example = "AC") @RequestParam(required = false) String prefix,
            @Parameter(
                            description = "Page size, 1 to 500.",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
                    @RequestParam(defaultValue = "100")
                    int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "Must be between 1 and 500.");
        }
        CustomerId after = cursor == null ? null : afterOf(cursor);
        String normalizedPrefix = prefix == null ? null : prefix.strip().toUpperCase(Locale.ROOT);
        List<InactiveCustomer> page = interactions.inactiveSince(inactiveSince, normalizedPrefix, after, limit);
        String next = page.size() == limit
                ? Cursors.encode(
                        CURSOR_KIND, page.get(page.size() - 1).customerId().value())
                : null;
        return new InactivePage(
                page.stream()
                        .map(customer -> new InactiveItem(
                                customer.customerId().value(),
                                customer.customerId().displayForm(),
                                customer.lastInteractionAt()))
                        .toList(),
                next);
    }

    /** The customer a cursor continues after: one this service wrote, so anything else is a tampered cursor. */
    private static CustomerId afterOf(String cursor) {
        try {
            return CustomerId.parse(Cursors.decode(CURSOR_KIND, cursor, 1).get(0));
        } catch (InvalidCustomerIdException ex) {
            throw Cursors.invalid();
        }
    }

    /** One inactive customer. */
    record InactiveItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-1234-5678-900")
            String displayId,

            @Schema(description = "Absent when the customer never had an interaction.")
            Instant lastInteractionAt) {}

    /** One page of inactive customers. */
    record InactivePage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<InactiveItem> items,

            @Schema(description = "Cursor of the next page; absent on the last page.")
            String nextCursor) {}
}
