package io.customeridentity.interaction.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.interaction.InteractionType;
import io.customeridentity.interaction.Recorded;
import io.customeridentity.interaction.TimelineQuery;
import io.customeridentity.shared.Cursors;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.StorableInput;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's interaction timeline: record one, page through them newest first. */
@RestController
@RequestMapping("/api/v1/customers/{id}/interactions")
@Tag(name = "Interactions", description = "The append-only timeline of every touch-point with a customer.")
class InteractionController {

    private static final String CURSOR_KIND = "timeline";

    private final InteractionManagement interactions;
    private final CustomerIdScheme scheme;

    InteractionController(InteractionManagement interactions, CustomerIdScheme scheme) {
        this.interactions = interactions;
        this.scheme = scheme;
    }

    @PostMapping
    @Operation(
            operationId = "recordInteraction",
            summary = "Record an interaction",
            description = "Stores the interaction, or answers the one stored earlier with the same (source, "
                    + "externalId) with 200. Requires scope interactions:write.")
    @ApiResponse(responseCode = "201", description = "Recorded.")
    @ApiResponse(responseCode = "200", description = "Already recorded under this (source, externalId).")
    @ProblemResponses({400, 404, 409, 415})
    ResponseEntity<InteractionResponse> record(
            @Parameter(example = "AC-1234-5678-900") @PathVariable("id") CustomerId customerId,
            @RequestBody InteractionRequest request) {
        if (request.customerId() != null && !scheme.parse(request.customerId()).equals(customerId)) {
            throw InvalidInputException.of("customerId", "Must be absent or name the customer of the path.");
        }
        Recorded recorded = interactions.record(customerId, request.toNewInteraction());
        return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(InteractionResponse.of(recorded.interaction()));
    }

    @GetMapping
    @Operation(
            operationId = "listInteractions",
            summary = "Page through a customer's interactions, newest first",
            description = "Keyset-paginated: pass nextCursor back as cursor (with the same filters); a deep page "
                    + "costs what the first does, and paging is stable while new interactions arrive. Requires "
                    + "scope interactions:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("interaction.timeline")
    TimelinePage list(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @RequestParam(required = false) InteractionType type,
            @RequestParam(required = false) InteractionChannel channel,
            @Parameter(description = "Occurred at or after (RFC 3339).") @RequestParam(required = false) Instant from,
            @Parameter(description = "Occurred before (RFC 3339).") @RequestParam(required = false) Instant to,
            @Parameter(
                            description = "Page size, 1 to 200.",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "50"))
                    @RequestParam(defaultValue = "50")
                    int limit,
            @Parameter(description = "nextCursor of the previous page.") @RequestParam(required = false)
                    String cursor) {
        if (limit < 1 || limit > InteractionManagement.MAX_PAGE_SIZE) {
            throw InvalidInputException.of(
                    "limit", "Must be between 1 and " + InteractionManagement.MAX_PAGE_SIZE + ".");
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> position = Cursors.decode(CURSOR_KIND, cursor, 2);
            try {
                afterAt = Instant.EPOCH.plus(Long.parseLong(position.get(0)), ChronoUnit.MICROS);
                afterId = UUID.fromString(position.get(1));
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException ex) {
                throw Cursors.invalid();
            }
            if (!StorableInput.isStorable(afterAt)) {
                throw Cursors.invalid();
            }
        }
        List<Interaction> page =
                interactions.timeline(id, new TimelineQuery(type, channel, from, to, limit, afterAt, afterId));
        String next = null;
        if (page.size() == limit) {
            Interaction last = page.get(page.size() - 1);
            next = Cursors.encode(CURSOR_KIND, ChronoUnit.MICROS.between(Instant.EPOCH, last.occurredAt()), last.id());
        }
        return new TimelinePage(page.stream().map(InteractionResponse::of).toList(), next);
    }

    /** One page of a timeline. */
    record TimelinePage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<InteractionResponse> items,

            @Schema(description = "Cursor of the next page; absent on the last page.")
            String nextCursor)
            implements DisclosesPersonalData {

        /** The free text and attributes (encrypted, erased with the person), and the amounts and ratings shown. */
        @Override
        public List<String> disclosed() {
            List<String> fields = new ArrayList<>();
            if (items.stream().anyMatch(item -> item.subject() != null)) {
                fields.add("interaction.subject");
            }
            if (items.stream().anyMatch(item -> item.note() != null)) {
                fields.add("interaction.note");
            }
            if (items.stream()
                    .anyMatch(item ->
                            item.attributes() != null && !item.attributes().isEmpty())) {
                fields.add("interaction.attributes");
            }
            if (items.stream().anyMatch(item -> item.amount() != null)) {
                fields.add("interaction.amount");
            }
            if (items.stream().anyMatch(item -> item.rating() != null)) {
                fields.add("interaction.rating");
            }
            return fields;
        }
    }
}
