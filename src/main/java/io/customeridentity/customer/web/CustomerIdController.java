package io.customeridentity.customer.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer-ID validation for other services' forms, and the configured prefixes; pure computation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customer IDs", description = "Validate customer IDs and list the configured prefixes; no database work.")
class CustomerIdController {

    private final CustomerIdScheme scheme;

    CustomerIdController(CustomerIdScheme scheme) {
        this.scheme = scheme;
    }

    @GetMapping("/customer-ids/{candidate}")
    @Operation(
            operationId = "checkCustomerId",
            summary = "Validate a customer ID",
            description = "Answers 200 for anything typed: valid with the canonical and display forms, or invalid "
                    + "with the reason. Percent-encode the candidate (a slash as %2F, a percent sign as %25). Only "
                    + "what cannot be one path segment (., .., an encoded NUL, a request line over 8 KB) is a 400 "
                    + "problem; nothing at all (/customer-ids/) is the 200 of an empty candidate. Does not say whether a "
                    + "customer has the ID. Requires scope customers:read.")
    @ProblemResponses({400})
    CustomerIdCheck check(
            @Parameter(description = "What a person typed.", example = "ac 1234 5678 9OO") @PathVariable
                    String candidate) {
        try {
            return CustomerIdCheck.valid(candidate, scheme.parse(candidate));
        } catch (InvalidCustomerIdException ex) {
            return CustomerIdCheck.invalid(candidate, ex);
        }
    }

    /** Nothing typed: the same verdict as for any other text that is no ID ({@code {candidate}} cannot be empty). */
    @GetMapping("/customer-ids/")
    @Operation(
            operationId = "checkEmptyCustomerId",
            summary = "Validate an empty customer ID",
            description = "What GET /customer-ids/{candidate} answers when nothing was typed: 200, invalid "
                    + "(invalid-customer-id). Requires scope customers:read.")
    CustomerIdCheck checkNothing() {
        return check("");
    }

    @GetMapping("/prefixes")
    @Operation(
            operationId = "listPrefixes",
            summary = "List the configured customer-ID prefixes",
            description = "Requires scope customers:read.")
    PrefixesResponse prefixes() {
        return new PrefixesResponse(scheme.prefixes(), scheme.defaultPrefix());
    }

    /** Result of validating a candidate customer ID. */
    record CustomerIdCheck(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The candidate as received.")
            String input,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean valid,

            @Schema(description = "Valid IDs only: the canonical form.", example = "AC12345678900")
            String canonical,

            @Schema(description = "Valid IDs only: the display form.", example = "AC-1234-5678-900")
            String displayId,

            @Schema(description = "Valid IDs only: the prefix.", example = "AC")
            String prefix,

            @Schema(description = "Invalid IDs only: why.") CheckError error) {

        static CustomerIdCheck valid(String input, CustomerId id) {
            return new CustomerIdCheck(input, true, id.value(), id.displayForm(), id.prefix(), null);
        }

        static CustomerIdCheck invalid(String input, InvalidCustomerIdException ex) {
            return new CustomerIdCheck(
                    input, false, null, null, null, new CheckError(ex.reason().code(), ex.getMessage()));
        }
    }

    /** Why a candidate is not a valid customer ID. */
    record CheckError(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "check-digit-mismatch")
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message) {}

    /** The configured prefixes. */
    record PrefixesResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            java.util.List<String> prefixes,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC")
            String defaultPrefix) {}
}
