package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
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
    public record MatchReason(String field, String level) {}
}
