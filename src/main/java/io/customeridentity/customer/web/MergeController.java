package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerMerge;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ETags;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merges of duplicate customers, their reversal and their history. */
@RestController
@RequestMapping("/api/v1/customers/{id}/merges")
@Tag(name = "Merges", description = "Merge duplicate customers and undo merges; nothing stored is rewritten.")
class MergeController {

    private static final int MAX_REASON = 500;

    private final CustomerMerges merges;
    private final CustomerIdScheme scheme;

    MergeController(CustomerMerges merges, CustomerIdScheme scheme) {
        this.merges = merges;
        this.scheme = scheme;
    }

    @PostMapping
    @Operation(
            operationId = "mergeCustomer",
            summary = "Merge a duplicate into this (surviving) customer",
            description = "The merged customer gets status MERGED and resolves to the survivor; its interactions, "
                    + "account links and external IDs show up under the survivor. The survivor's profile is "
                    + "unchanged. If-Match with the survivor's version is required. Requires scope customers:write.")
    @ProblemResponses({400, 404, 409, 412, 415, 428})
    MergeResponse merge(
            @Parameter(description = "The surviving customer.", example = "AC-1234-5678-900") @PathVariable
                    CustomerId id,
            @Parameter(
                            description = "The survivor's version.",
                            example = "\"3\"",
                            required = true,
                            schema = @Schema(type = "string", pattern = "^\\s*\"?[1-9][0-9]{0,8}\"?\\s*$"))
                    @RequestHeader(name = "If-Match", required = false)
                    String ifMatch,
            @RequestBody MergeRequest request,
            Authentication caller) {
        int expected = ETags.versionFromIfMatch(ifMatch);
        if (request.mergedCustomerId() == null) {
            throw InvalidInputException.of("mergedCustomerId", "Required.");
        }
        return MergeResponse.of(merges.merge(
                id,
                expected,
                scheme.parse(request.mergedCustomerId()),
                reason(request.reason(), true),
                caller.getName()));
    }

    @PostMapping("/{mergeId}/reversal")
    @Operation(
            operationId = "reverseMerge",
            summary = "Undo a merge",
            description = "The merged customer is ACTIVE again with its own interactions, account links and external"
                    + " IDs, including those recorded against its ID while it was merged. Requires scope "
                    + "customers:write.")
    @ProblemResponses({400, 404, 409, 415})
    MergeResponse reverse(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @PathVariable UUID mergeId,
            @RequestBody(required = false) ReversalRequest request,
            Authentication caller) {
        String reason = request == null ? null : reason(request.reason(), false);
        return MergeResponse.of(merges.reverse(id, mergeId, reason, caller.getName()));
    }

    @GetMapping
    @Operation(
            operationId = "listMerges",
            summary = "List the merges a customer took part in",
            description = "As survivor or as merged customer, oldest first, with reversals. Requires scope "
                    + "customers:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("merge.list")
    MergeList list(@Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id) {
        return new MergeList(merges.mergesOf(id).stream().map(MergeResponse::of).toList());
    }

    private static String reason(String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            if (required) {
                throw InvalidInputException.of("reason", "Required: why the customers are the same person.");
            }
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "Must be at most " + MAX_REASON + " characters.");
        }
        return reason.strip();
    }

    /** Which customer to merge into this one, and why. */
    record MergeRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-9876-5432-101")
            String mergedCustomerId,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "Signed up twice: online and in store",
                    minLength = 1,
                    maxLength = 500)
            String reason) {}

    /** Why a merge is undone (optional). */
    record ReversalRequest(
            @Schema(example = "Different people after all", maxLength = 500)
            String reason) {}

    /** A merge and its reversal, if any. */
    record MergeResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID mergeId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String survivorId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC98765432101")
            String mergedCustomerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The subject of the token that merged.")
            String by,

            @Schema(
                    description = "Why the customers are the same person. Absent once one of them has been erased: the"
                            + " reason was erased with them.")
            String reason,

            @Schema(description = "Present once reversed.") Instant reversedAt) {

        static MergeResponse of(CustomerMerge merge) {
            return new MergeResponse(
                    merge.mergeId(),
                    merge.survivorId().value(),
                    merge.mergedCustomerId().value(),
                    merge.at(),
                    merge.by(),
                    merge.reason(),
                    merge.reversedAt());
        }
    }

    /** Merges, oldest first. */
    record MergeList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<MergeResponse> items) implements DisclosesPersonalData {

        /** Merge and reversal reasons are personal (erased with the person). */
        @Override
        public List<String> disclosed() {
            return items.stream().anyMatch(item -> item.reason() != null) ? List.of("merge.reason") : List.of();
        }
    }
}
