package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.ProfileMatch.MatchReason;
import io.customeridentity.customer.internal.matching.FieldComparisons.Compared;
import io.customeridentity.customer.internal.matching.FieldComparisons.Level;
import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Scores a candidate against a profile: the Fellegi-Sunter match weight of their comparison levels, as a score. */
final class MatchScoring {

    private static final String ADDRESS = "address.";

    private final MatchWeights weights;

    MatchScoring(MatchWeights weights) {
        this.weights = weights;
    }

    /**
     * The candidate's score (three decimals, rounded down, so a listed score is never above the truth) and the fields
     * that weighed in, strongest first; {@code evidence} names exact matches found elsewhere (accountNumber,
     * externalRef), which weigh in too.
     */
    ProfileMatch score(CustomerId candidate, MatchFeatures profile, MatchFeatures other, Set<String> evidence) {
        record Weighed(MatchReason reason, double weight) {}
        List<Weighed> weighed = new ArrayList<>();
        double total = weights.prior();
        double address = 0;
        for (Compared compared : FieldComparisons.compare(profile, other)) {
            if (compared.level() != Level.MISSING) {
                double weight = weights.of(compared);
                if (compared.field().startsWith(ADDRESS)) {
                    address += weight;
                } else {
                    total += weight;
                }
                weighed.add(new Weighed(
                        new MatchReason(compared.field(), compared.level().key()), weight));
            }
        }
        // The parts of one address are not independent evidence: a household shares them all.
        total += Math.min(address, weights.addressCap());
        for (String field : evidence) {
            double weight = weights.of(field, Level.EXACT);
            total += weight;
            weighed.add(new Weighed(new MatchReason(field, Level.EXACT.key()), weight));
        }
        weighed.sort(Comparator.comparingDouble(Weighed::weight).reversed());
        return new ProfileMatch(
                candidate, score(total), weighed.stream().map(Weighed::reason).toList());
    }

    static BigDecimal score(double weight) {
        return BigDecimal.valueOf(MatchWeights.probability(weight)).setScale(3, RoundingMode.DOWN);
    }
}
