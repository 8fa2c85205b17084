package io.customeridentity.privacy.web;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.privacy.CustomerErasure;
import io.customeridentity.privacy.ErasureManagement;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a person (GDPR Art. 17) by crypto-shredding. */
@RestController
@Tag(name = PrivacyTag.NAME, description = PrivacyTag.DESCRIPTION)
class ErasureController {

    private final ErasureManagement erasures;

    ErasureController(ErasureManagement erasures) {
        this.erasures = erasures;
    }

    @PostMapping("/api/v1/customers/{id}/erasure")
    @Operation(
            operationId = "eraseCustomer",
            summary = "Erase a person (right to be forgotten)",
            description = "Erases the customer's whole merge group: destroys their data keys (every stored ciphertext"
                    + " of theirs becomes unreadable) and deletes their look-up rows (blind indexes, account"
                    + " fingerprints, other systems' IDs, merge reasons, idempotency keys). The IDs stay as"
                    + " tombstones: reads answer status ERASED without personal fields, every write answers 409"
                    + " customer-erased. Repeating it answers the same 200. The reason is kept: give one without"
                    + " personal data. Requires scope privacy:erase.")
    @ProblemResponses({400, 404, 415})
    ErasureResponse erase(
            @Parameter(example = "AC-1234-5678-900") @PathVariable CustomerId id,
            @RequestBody ErasureRequest request,
            Authentication caller) {
        if (request == null) {
            throw InvalidInputException.of("reason", "Required.");
        }
        return ErasureResponse.of(erasures.erase(id, request.reason(), caller.getName()));
    }

    /** Why the person is erased. */
    record ErasureRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Why, without personal data (it is kept with the erasure record).",
                    example = "Art. 17 request, ticket PRIV-2041",
                    minLength = 1,
                    maxLength = 500)
            String reason) {}

    /** The tombstone. */
    record ErasureResponse(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC12345678900")
            String customerId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC-1234-5678-900")
            String displayId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "ERASED")
            String status,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When the person was erased.")
            Instant erasedAt) {

        static ErasureResponse of(CustomerErasure erasure) {
            return new ErasureResponse(
                    erasure.customerId().value(), erasure.customerId().displayForm(), "ERASED", erasure.erasedAt());
        }
    }
}
