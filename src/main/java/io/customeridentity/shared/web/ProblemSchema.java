package io.customeridentity.shared.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Documentation-only shape of the service's problem details (RFC 9457). */
@Schema(name = "Problem", description = "RFC 9457 problem details.")
record ProblemSchema(
        @Schema(
                description = "Stable URI of the problem type, ending in the code.",
                example = "/problems/check-digit-mismatch")
        String type,

        @Schema(description = "Short summary of the problem type.", example = "Check digit mismatch")
        String title,

        @Schema(description = "HTTP status.", example = "400")
        int status,

        @Schema(
                description = "What went wrong in this case.",
                example = "The check digit does not match; the ID was probably mistyped.")
        String detail,

        @Schema(description = "The request path.", example = "/api/v1/customers/AC12345678901")
        String instance,

        @Schema(description = "Stable machine-readable code (the slug of the type).", example = "check-digit-mismatch")
        String code,

        @Schema(
                description = "Id of the request, as in the X-Request-Id response header.",
                example = "5b0e1c1e-8a43-4c53-9a35-e1c2a3f1f0aa")
        String requestId,

        @Schema(
                description = "Invalid fields: for validation-failed and unreadable-request (when the field is known),"
                        + " immutable-field and invalid-account-number.")
        List<Violation> errors,

        @Schema(description = "For version-conflict (412): the customer's current version.", example = "4")
        Integer currentVersion,

        @Schema(
                description = "For external-ref-taken (409): the customer who holds the external ID.",
                example = "AC98765432101")
        String holder,

        @Schema(description = "For invalid-token (401): the claim that breaks a rule.", example = "aud")
        String claim,

        @Schema(
                description = "For insufficient-scope (403): the scope the operation needs.",
                example = "customers:write")
        String requiredScope,

        @Schema(
                description = "For rate-limited (429): the budget the caller is over.",
                allowableValues = {"general", "lookup"},
                example = "lookup")
        String budget) {

    /** One invalid field. */
    @Schema(name = "FieldViolation")
    record Violation(
            @Schema(description = "JSON name of the field; absent for rules about several fields.", example = "email")
            String field,

            @Schema(example = "Must be a valid e-mail address.")
            String message) {}
}
