package io.customeridentity.resolution.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The look-ups' answers show IDs, never personal data: they disclose nothing to the audit trail. */
class ResolveAnswersTests {

    @Test
    void resolveDisclosesNoPersonalField() {
        var match = new ResolveController.MatchResponse(
                "AC12345678900", "AC-1234-5678-900", CustomerStatus.ACTIVE, "email", null);

        assertThat(new ResolveController.Matches(List.of(match)).disclosed()).isEmpty();
        assertThat(new ResolveController.Matches(List.of()).disclosed()).isEmpty();
    }

    @Test
    void duplicatesDiscloseNoPersonalField() {
        var duplicate = new ResolveController.DuplicateResponse(
                "AC98765432101",
                "AC-9876-5432-101",
                new BigDecimal("0.60"),
                List.of(new MatchReason("email", "exact")));

        assertThat(new ResolveController.Duplicates(List.of(duplicate)).disclosed())
                .isEmpty();
    }
}
