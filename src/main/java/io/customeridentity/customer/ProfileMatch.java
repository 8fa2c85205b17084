package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer that is probably the same person as the profile compared: the match probability (0..1, Fellegi-Sunter
 * over the compared fields) and the fields that weighed in with their comparison levels, strongest first.
 */
public record ProfileMatch(CustomerId customerId, BigDecimal score, List<MatchReason> reasons) {

    public ProfileMatch {
        reasons = List.copyOf(reasons);
    }

    /** One field compared and how alike it was: {@code exact}, {@code close} or {@code different}. */
    public record MatchReason(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "A profile field (address parts as address.line1, ...), or accountNumber or"
                            + " externalRef.",
                    example = "familyName")
            String field,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"exact", "close", "different"},
                    example = "close")
            String level) {}
}
