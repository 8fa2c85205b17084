package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchScoringTests {

    private final MatchScoring scoring = new MatchScoring(MatchWeights.shipped());

    @Test
    void scoresTheSamePersonNearOneAndStrangersNearZero() {
        MatchFeatures jon = features("Jon", "Smyth", LocalDate.of(1985, 3, 7), "12 Ocean St", "2000");
        MatchFeatures john = features("John", "Smith", LocalDate.of(1985, 7, 3), "14 Ocean Street", "2000");
        MatchFeatures grace = features("Grace", "Hopper", LocalDate.of(1906, 12, 9), "3 Bay Road", "3000");

        assertThat(scoring.score(null, jon, john, Set.of()).score()).isGreaterThan(new BigDecimal("0.9"));
        assertThat(scoring.score(null, jon, grace, Set.of()).score()).isEqualByComparingTo("0");
    }

    @Test
    void listsTheFieldsThatWeighedInStrongestFirstWithoutTheMissing() {
        MatchFeatures jon = features("Jon", "Smyth", LocalDate.of(1985, 3, 7), "12 Ocean St", "2000");
        MatchFeatures noDate = features("Jon", "Smyth", null, "12 Ocean St", "2000");

        ProfileMatch match = scoring.score(null, jon, noDate, Set.of("accountNumber"));

        assertThat(match.reasons()).first().isEqualTo(new MatchReason("address.line1", "exact"));
        assertThat(match.reasons())
                .contains(new MatchReason("accountNumber", "exact"), new MatchReason("givenName", "exact"))
                .extracting(MatchReason::field)
                .doesNotContain("birthDate", "email");
    }

    @Test
    void letsExactEvidenceFromOtherModulesWeighIn() {
        MatchFeatures jon = features("Jon", "Smyth", null, null, null);
        MatchFeatures jonas = features("Jonas", "Smythe", null, null, null);
        BigDecimal alone = scoring.score(null, jon, jonas, Set.of()).score();
        BigDecimal withRef =
                scoring.score(null, jon, jonas, Set.of("externalRef")).score();
        assertThat(withRef).isGreaterThan(alone);
    }

    /** A household: one family name and address, another given name and birth date. */
    @Test
    void keepsAHouseholdBelowTheDefaultMinScore() {
        MatchFeatures mother = features("Mary", "Smyth", LocalDate.of(1960, 1, 20), "12 Ocean St", "2000");
        MatchFeatures son = features("Peter", "Smyth", LocalDate.of(1990, 5, 11), "12 Ocean St", "2000");
        assertThat(scoring.score(null, mother, son, Set.of()).score()).isLessThan(new BigDecimal("0.5"));
    }

    @Test
    void turnsMatchWeightsIntoProbabilitiesRoundedDown() {
        assertThat(MatchScoring.score(0)).isEqualByComparingTo("0.5");
        assertThat(MatchScoring.score(30)).isEqualByComparingTo("0.999");
        assertThat(MatchScoring.score(-30)).isEqualByComparingTo("0");
    }

    private static MatchFeatures features(String given, String family, LocalDate born, String line1, String postcode) {
        Address address = line1 == null ? null : new Address(line1, null, "Sydney", "NSW", postcode, "AU");
        return MatchFeatures.of(new CustomerProfile(given, family, born, null, null, address, null, Map.of()));
    }
}
