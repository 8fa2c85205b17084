package io.customeridentity.resolution.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.resolution.ExternalRef;
import io.customeridentity.resolution.ExternalRefLinked;
import io.customeridentity.resolution.ResolutionManagement;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Other systems' IDs for a customer. */
@RestController
@RequestMapping("/api/v1/customers/{id}/external-refs")
@Tag(name = "External references", description = "Map other systems' IDs (CRM, ERP...) to customers.")
class ExternalRefController {

    private final ResolutionManagement resolution;

    ExternalRefController(ResolutionManagement resolution) {
        this.resolution = resolution;
    }

    @PostMapping
    @Operation(
            operationId = "linkExternalRef",
            summary = "Map another system's ID to the customer",
            description = "(system, externalId) belongs to at most one customer at a time: 409 naming the holder "
                    + "otherwise; the same mapping again answers 200. Requires scope customers:write.")
    @ApiResponse(responseCode = "201", description = "Mapped.")
    @ApiResponse(responseCode = "200", description = "Mapped already.")
    @ProblemResponses({400, 404, 409, 415})
    ResponseEntity<ExternalRefResponse> link(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @RequestBody ExternalRefRequest request,
            Authentication caller) {
        ExternalRefLinked linked =
                resolution.linkExternalRef(id, request.system(), request.externalId(), caller.getName());
        return ResponseEntity.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ExternalRefResponse.of(linked.ref()));
    }

    @GetMapping
    @Operation(
            operationId = "listExternalRefs",
            summary = "List the customer's external IDs",
            description = "Includes those of customers merged into it. Requires scope customers:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("external_ref.list")
    ExternalRefs list(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @RequestParam(defaultValue = "false") boolean includeEnded) {
        return new ExternalRefs(resolution.externalRefs(id, includeEnded).stream()
                .map(ExternalRefResponse::of)
                .toList());
    }

    @DeleteMapping("/{refId}")
    @Operation(
            operationId = "endExternalRef",
            summary = "End a mapping",
            description = "The mapping stays in the history, ended. Requires scope customers:write.")
    @ApiResponse(responseCode = "204", description = "Ended.")
    @ProblemResponses({400, 404, 409})
    ResponseEntity<Void> end(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @PathVariable UUID refId,
            Authentication caller) {
        resolution.endExternalRef(id, refId, caller.getName());
        return ResponseEntity.noContent().build();
    }

    /** Another system's ID. */
    record ExternalRefRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "salesforce", pattern = "^[a-z0-9-]{1,40}$")
            String system,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "0035g00000XyZ12AAB",
                    minLength = 1,
                    maxLength = 200)
            String externalId) {}

    /** A mapping. */
    record ExternalRefResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID refId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "salesforce")
            String system,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0035g00000XyZ12AAB")
            String externalId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant linkedAt,

            @Schema(description = "Present once ended.") Instant endedAt) {

        static ExternalRefResponse of(ExternalRef ref) {
            return new ExternalRefResponse(
                    ref.refId(),
                    ref.customerId().value(),
                    ref.system(),
                    ref.externalId(),
                    ref.linkedAt(),
                    ref.endedAt());
        }
    }

    /** Mappings. */
    record ExternalRefs(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ExternalRefResponse> items) implements DisclosesPersonalData {

        /** Other systems' IDs for the person are personal (erased with the person). */
        @Override
        public List<String> disclosed() {
            return items.isEmpty() ? List.of() : List.of("externalRef.externalId");
        }
    }
}
