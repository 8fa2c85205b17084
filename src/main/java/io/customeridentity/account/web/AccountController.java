package io.customeridentity.account.web;

import io.customeridentity.account.AccountLink;
import io.customeridentity.account.AccountManagement;
import io.customeridentity.account.AccountType;
import io.customeridentity.account.Linked;
import io.customeridentity.account.NewAccountLink;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.web.AuditedRead;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
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

/** A customer's linked account numbers, shown only masked. */
@RestController
@RequestMapping("/api/v1/customers/{id}/accounts")
@Tag(name = "Accounts", description = "Link financial account numbers to customers; numbers are only shown masked.")
class AccountController {

    private final AccountManagement accounts;

    AccountController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @Operation(
            operationId = "linkAccount",
            summary = "Link an account number to a customer",
            description = "Validates the number for its type (IBAN: registry length and MOD 97-10; CARD: 12-19 "
                    + "digits and Luhn; BANK_ACCOUNT: 'routing:account' with the ABA checksum, or 4-34 letters and "
                    + "digits; others: 4-34 letters and digits). Linking a number the customer has linked already "
                    + "answers the existing link with 200. The same number may be linked to several customers "
                    + "(joint accounts). Requires scope accounts:write.")
    @ApiResponse(responseCode = "201", description = "Linked.")
    @ApiResponse(responseCode = "200", description = "Already linked to this customer.")
    @ProblemResponses({400, 404, 409, 415, 422})
    ResponseEntity<AccountLinkResponse> link(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @RequestBody LinkAccountRequest request,
            Authentication caller) {
        Linked linked = accounts.link(id, request.toNewAccountLink(), caller.getName());
        return ResponseEntity.status(linked.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(AccountLinkResponse.of(linked.link()));
    }

    @GetMapping
    @Operation(
            operationId = "listAccounts",
            summary = "List a customer's linked accounts (masked)",
            description = "Requires scope accounts:read.")
    @ProblemResponses({400, 404})
    @AuditedRead("account.list")
    AccountLinks list(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @Parameter(description = "Also show unlinked accounts.") @RequestParam(defaultValue = "false")
                    boolean includeUnlinked) {
        return new AccountLinks(accounts.links(id, includeUnlinked).stream()
                .map(AccountLinkResponse::of)
                .toList());
    }

    @DeleteMapping("/{linkId}")
    @Operation(
            operationId = "unlinkAccount",
            summary = "Unlink an account",
            description = "Records the unlinking; the link stays in the history with status UNLINKED. Unlinking "
                    + "again changes nothing. Requires scope accounts:write.")
    @ApiResponse(responseCode = "204", description = "Unlinked.")
    @ProblemResponses({400, 404, 409})
    ResponseEntity<Void> unlink(
            @Parameter(example = "AC-1234-5678-900") @PathVariable("id") CustomerId customerId,
            @PathVariable UUID linkId,
            Authentication caller) {
        accounts.unlink(customerId, linkId, caller.getName());
        return ResponseEntity.noContent().build();
    }

    /** Body of a link request. {@link #toString()} never shows the number (Spring logs bodies at DEBUG). */
    record LinkAccountRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The full number; spaces and hyphens are ignored.",
                    example = "GB82 WEST 1234 5698 7654 32",
                    maxLength = 64)
            String accountNumber,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "IBAN")
            AccountType type,

            @Schema(description = "What the customer calls the account.", example = "Salary account", maxLength = 100)
            String label) {

        NewAccountLink toNewAccountLink() {
            return new NewAccountLink(accountNumber, type, label);
        }

        @Override
        public String toString() {
            return "LinkAccountRequest[accountNumber=****, type=" + type + "]";
        }
    }

    /** A link, masked. */
    record AccountLinkResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID linkId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            AccountType type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "******************5432")
            String masked,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5432")
            String last4,

            @Schema(description = "Absent when the link has none.", example = "Salary account")
            String label,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant linkedAt,

            @Schema(description = "Present once unlinked.") Instant unlinkedAt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            AccountLink.Status status) {

        static AccountLinkResponse of(AccountLink link) {
            return new AccountLinkResponse(
                    link.linkId(),
                    link.type(),
                    link.masked(),
                    link.last4(),
                    link.label(),
                    link.linkedAt(),
                    link.unlinkedAt(),
                    link.status());
        }
    }

    /** A customer's links. */
    record AccountLinks(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<AccountLinkResponse> items) implements DisclosesPersonalData {

        /** The masked number with its last four digits, and the customer's own label when a link has one. */
        @Override
        public List<String> disclosed() {
            List<String> fields = new ArrayList<>();
            if (!items.isEmpty()) {
                fields.add("account.masked");
            }
            if (items.stream().anyMatch(item -> item.label() != null)) {
                fields.add("account.label");
            }
            return fields;
        }
    }
}
