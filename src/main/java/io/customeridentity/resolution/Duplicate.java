package io.customeridentity.resolution;

import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.util.List;

/** A customer that is probably the same person: how sure (0..1) and why (fields and how alike, strongest first). */
public record Duplicate(CustomerId customerId, BigDecimal score, List<MatchReason> reasons) {

    public static Duplicate of(ProfileMatch match) {
        return new Duplicate(match.customerId(), match.score(), match.reasons());
    }
}
