package io.customeridentity.resolution.web;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.resolution.Duplicate;
import io.customeridentity.resolution.Match;
import io.customeridentity.resolution.ResolutionManagement;
import io.customeridentity.resolution.ResolveQuery;
import io.customeridentity.shared.ratelimit.LookupMiss;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ProblemResponses;
import io.customeridentity.shared.web.ReturnsCustomers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Resolves any identifier to customers, and lists likely duplicates. */
@RestController
@Tag(name = "Resolution", description = "Find the customer behind any identifier; find duplicates.")
class ResolveController {

    private final ResolutionManagement resolution;

    ResolveController(ResolutionManagement resolution) {
        this.resolution = resolution;
    }

    @PostMapping("/api/v1/resolve")
    @Operation(
            operationId = "resolve",
            summary = "Resolve a customer ID, e-mail, phone or external ID to customers",
            description = "Exactly one identifier. Merged customers resolve to their survivor (following chains), "
                    + "with resolvedFrom the customer matched. E-mail and phone are normalised as on write and may "
                    + "match several customers. POST keeps personal data out of URLs and logs. Spends the "
                    + "caller's look-up budget, more when nothing matches (429 when it is spent). The answer shows "
                    + "no personal data, only IDs and how they matched: it is the same with or without scope "
                    + "customers:pii and reveals nothing the request did not send. Requires scope customers:read.")
    @ProblemResponses({400, 415})
    @AuditedRead("customer.resolve")
    Matches resolve(@RequestBody ResolveRequest request) {
        ResolveRequest.Ref ref = request.externalRef();
        List<MatchResponse> matches = resolution
                .resolve(new ResolveQuery(
                        request.customerId(),
                        request.email(),
                        request.phone(),
                        ref == null ? null : ref.system(),
                        ref == null ? null : ref.externalId()))
                .stream()
                .map(MatchResponse::of)
                .toList();
        if (matches.isEmpty()) {
            LookupMiss.record();
        }
        return new Matches(matches);
    }

    @GetMapping("/api/v1/customers/{id}/duplicates")
    @Operation(
            operationId = "listDuplicates",
            summary = "List likely duplicates of a customer, best first",
            description = "Candidates: customers sharing a match key (a typo-tolerant pair of name, birth date, "
                    + "street and postal code), the e-mail or the phone, a linked account number or a (current or "
                    + "past) external ID. Score: the match probability (Fellegi-Sunter) over the fields compared; "
                    + "reasons: the fields and how alike they are (exact, close, different), strongest first "
                    + "(README \"Duplicates\"). Spends the caller's look-up budget. The answer shows no personal data (IDs, "
                    + "score and reasons): it is the same with or without scope customers:pii. Requires scope "
                    + "customers:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("customer.duplicates")
    Duplicates duplicates(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @Parameter(
                            description = "Lowest score listed, 0 to 1; customer-identity.matching.min-score when"
                                    + " absent.",
                            example = "0.5",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1"))
                    @RequestParam(required = false)
                    BigDecimal minScore) {
        return new Duplicates(resolution.duplicates(id, minScore).stream()
                .map(DuplicateResponse::of)
                .toList());
    }

    /** Exactly one identifier. {@link #toString()} keeps personal data out of logs. */
    // One identifier in the example too: Swagger UI pre-fills the body from it, and four would be a 400.
    @Schema(example = "{\"email\": \"ada@example.org\"}")
    record ResolveRequest(
            @Schema(example = "ac 1234 5678 9OO") String customerId,
            @Schema(example = "ada@example.org") String email,
            @Schema(example = "+44 20 7946 0958") String phone,
            Ref externalRef) {

        /** Another system's ID. */
        record Ref(
                @Schema(
                        requiredMode = Schema.RequiredMode.REQUIRED,
                        example = "salesforce",
                        pattern = "^[a-z0-9-]{1,40}$")
                String system,

                @Schema(
                        requiredMode = Schema.RequiredMode.REQUIRED,
                        example = "0035g00000XyZ12AAB",
                        minLength = 1,
                        maxLength = 200)
                String externalId) {}

        @Override
        public String toString() {
            return "ResolveRequest[****]";
        }
    }

    /** A customer the identifier leads to. */
    record MatchResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-1234-5678-900")
            String displayId,
            // Not yet required: POST /accounts/resolve's answer shares this schema and has neither.
            CustomerStatus status,
            @Schema(example = "email") String matchedBy,

            @Schema(description = "The customer matched, when it was merged into customerId.")
            String resolvedFrom) {

        static MatchResponse of(Match match) {
            return new MatchResponse(
                    match.customerId().value(),
                    match.customerId().displayForm(),
                    match.status(),
                    match.matchedBy(),
                    match.resolvedFrom() == null ? null : match.resolvedFrom().value());
        }
    }

    /** The matches: IDs and how they matched, no personal data. */
    record Matches(List<MatchResponse> matches) implements DisclosesPersonalData, ReturnsCustomers {

        @Override
        public List<String> disclosed() {
            return List.of();
        }

        @Override
        public List<CustomerId> returnedCustomers() {
            return matches.stream()
                    .map(match -> CustomerId.parse(match.customerId()))
                    .distinct()
                    .toList();
        }
    }

    /** A likely duplicate. */
    record DuplicateResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC98765432101")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-9876-5432-101")
            String displayId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.998", minimum = "0", maximum = "1")
            BigDecimal score,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The fields compared and how alike (exact, close, different), strongest first.")
            List<MatchReason> reasons) {

        static DuplicateResponse of(Duplicate duplicate) {
            return new DuplicateResponse(
                    duplicate.customerId().value(),
                    duplicate.customerId().displayForm(),
                    duplicate.score(),
                    duplicate.reasons());
        }
    }

    /** Likely duplicates, best first: IDs, scores and reasons, no personal data. */
    record Duplicates(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<DuplicateResponse> items) implements DisclosesPersonalData, ReturnsCustomers {

        @Override
        public List<String> disclosed() {
            return List.of();
        }

        @Override
        public List<CustomerId> returnedCustomers() {
            return items.stream()
                    .map(item -> CustomerId.parse(item.customerId()))
                    .toList();
        }
    }
}
