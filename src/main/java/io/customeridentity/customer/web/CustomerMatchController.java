package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerMatching;
import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.ProblemResponses;
import io.customeridentity.shared.web.ReturnsCustomers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Is this person already a customer?": the likely duplicates of a profile that is not stored. */
@RestController
@Tag(name = "Resolution")
class CustomerMatchController {

    private final CustomerMatching matching;

    CustomerMatchController(CustomerMatching matching) {
        this.matching = matching;
    }

    @PostMapping("/api/v1/customers/matches")
    @Operation(
            operationId = "matchCustomers",
            summary = "List the customers a profile that is not stored likely is, best first",
            description = "The body is a registration's (validated the same way; prefix is ignored); nothing is "
                    + "stored. The answer is that of GET /customers/{id}/duplicates: the customers at or above "
                    + "minScore, with their scores and the fields that weighed in (README \"Duplicates\"). POST "
                    + "keeps personal data out of URLs and logs. Spends the caller's look-up budget. Requires "
                    + "scope customers:read.")
    @ProblemResponses({400, 415})
    @AuditedRead("customer.matches")
    CustomerMatches match(
            @RequestBody CreateCustomerRequest request,
            @Parameter(
                            description = "Lowest score listed, 0 to 1; customer-identity.matching.min-score when"
                                    + " absent.",
                            example = "0.5",
                            schema = @Schema(type = "number", minimum = "0", maximum = "1"))
                    @RequestParam(required = false)
                    BigDecimal minScore) {
        return new CustomerMatches(matching.matchesOf(request.toProfile(), minScore).stream()
                .map(CustomerMatch::of)
                .toList());
    }

    /** A customer the profile likely is. */
    record CustomerMatch(
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

        static CustomerMatch of(ProfileMatch match) {
            return new CustomerMatch(
                    match.customerId().value(), match.customerId().displayForm(), match.score(), match.reasons());
        }
    }

    /** The customers the profile likely is, best first. */
    record CustomerMatches(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<CustomerMatch> items) implements ReturnsCustomers {

        /** The audit trail's: one {@code customer.matches} row per customer listed, a {@code .miss} for none. */
        @Override
        public List<CustomerId> returnedCustomers() {
            return items.stream()
                    .map(item -> CustomerId.parse(item.customerId()))
                    .toList();
        }
    }
}
