package io.customeridentity.account.web;

import io.customeridentity.account.AccountManagement;
import io.customeridentity.account.AccountMatch;
import io.customeridentity.account.AccountType;
import io.customeridentity.shared.web.ProblemResponses;
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
                    + " An empty list when nobody has it linked. Requires scope accounts:read.")
    @ProblemResponses({400, 415, 422})
    Matches resolve(@RequestBody ResolveRequest request) {
        return new Matches(accounts.resolve(request.accountNumber(), request.type()).stream()
                .map(Match::of)
                .toList());
    }

    /** What to resolve. {@link #toString()} never shows the number. */
    record ResolveRequest(
            @Schema(example = "GB82WEST12345698765432") String accountNumber,

            @Schema(description = "Only links of this type.")
            AccountType type) {

        @Override
        public String toString() {
            return "ResolveRequest[accountNumber=****, type=" + type + "]";
        }
    }

    /** A customer linked to the number. */
    record Match(
            @Schema(example = "AC12345678900") String customerId,
            @Schema(example = "AC-1234-5678-900") String displayId,
            UUID linkId,
            AccountType type,
            Instant linkedAt) {

        static Match of(AccountMatch match) {
            return new Match(
                    match.customerId().value(),
                    match.customerId().displayForm(),
                    match.linkId(),
                    match.type(),
                    match.linkedAt());
        }
    }

    /** The customers linked to the number. */
    record Matches(List<Match> matches) {}
}
