package io.customeridentity.account.web;

import io.customeridentity.account.AccountManagement;
import io.customeridentity.account.AccountMatch;
import io.customeridentity.account.AccountType;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.ratelimit.LookupMiss;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.ProblemResponses;
import io.customeridentity.shared.web.ReturnsCustomers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Finds the customers an account number belongs to; POST keeps the number out of URLs and access logs. */
@RestController
@Tag(name = "Accounts")
class AccountResolveController {

    private final AccountManagement accounts;

    AccountResolveController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/accounts/resolve")
    @Operation(
            operationId = "resolveAccount",
            summary = "Find the customers currently linked to an account number",
            description = "Matches by keyed fingerprint of the normalised number (spaces, hyphens and case ignored)."
                    + " An empty list when nobody has it linked. Spends the caller's look-up budget, more when"
                    + " nobody has it linked (429 when it is spent). Requires scope accounts:read.")
    @ProblemResponses({400, 415, 422})
    @AuditedRead("account.resolve")
    Matches resolve(@RequestBody ResolveRequest request) {
        List<Match> matches = accounts.resolve(request.accountNumber(), request.type()).stream()
                .map(Match::of)
                .toList();
        if (matches.isEmpty()) {
            LookupMiss.record();
        }
        return new Matches(matches);
    }

    /** What to resolve. {@link #toString()} never shows the number. */
    @Schema(name = "AccountResolveRequest", description = "An account number to resolve.")
    record ResolveRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The number in any common notation (spaces, hyphens and case ignored).",
                    example = "GB82WEST12345698765432")
            String accountNumber,

            @Schema(description = "Only links of this type; links of every type when absent.")
            AccountType type) {

        @Override
        public String toString() {
            return "ResolveRequest[accountNumber=****, type=" + type + "]";
        }
    }

    /** A customer linked to the number. */
    @Schema(name = "AccountMatch", description = "A current link of the number, under the surviving customer.")
    record Match(
            @Schema(
                    description = "The customer, after following merges.",
                    example = "AC12345678900",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String customerId,

            @Schema(example = "AC-1234-5678-900", requiredMode = Schema.RequiredMode.REQUIRED)
            String displayId,

            @Schema(description = "The link's id.", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID linkId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            AccountType type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant linkedAt,

            @Schema(
                    description = "The customer the link belongs to, when it was merged into customerId;"
                            + " absent otherwise.",
                    example = "AC98765432101")
            String resolvedFrom) {

        static Match of(AccountMatch match) {
            return new Match(
                    match.customerId().value(),
                    match.customerId().displayForm(),
                    match.linkId(),
                    match.type(),
                    match.linkedAt(),
                    match.resolvedFrom() == null ? null : match.resolvedFrom().value());
        }
    }

    /** The customers linked to the number. */
    @Schema(name = "AccountMatches")
    record Matches(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Match> matches) implements ReturnsCustomers {

        @Override
        public List<CustomerId> returnedCustomers() {
            return matches.stream()
                    .map(match -> CustomerId.parse(match.customerId()))
                    .distinct()
                    .toList();
        }
    }
}
