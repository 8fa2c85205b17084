package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.internal.matching.FieldComparisons.Level;
import io.customeridentity.support.Febrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MatchWeightsTests {

    /** The shipped file is what the documented refit prints: nobody tuned a weight by hand. */
    @Test
    void shipsExactlyTheWeightsTheFitPrints() throws IOException {
        String fitted = MatchWeightsFit.fit(
                        MatchWeightsFit.features(Febrl.dataset(1)),
                        Febrl.dataset(1).stream().map(Febrl.Record::person).toList())
                + MatchWeightsFit.JUDGED;
        String shipped;
        try (InputStream in = MatchWeights.class.getResourceAsStream(MatchWeights.RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped.lines()
                        .filter(line -> !line.startsWith("# Duplicate detection") && !line.startsWith("# prints")))
                .containsExactlyElementsOf(fitted.lines().toList());
    }

    @Test
    void weighsAgreementUpAndDisagreementDown() {
        MatchWeights weights = MatchWeights.shipped();
        for (String field : FieldComparisons.FIELDS) {
            assertThat(weights.of(field, Level.EXACT)).as(field).isPositive();
            assertThat(weights.of(field, Level.DIFFERENT)).as(field).isNegative();
            assertThat(weights.of(field, Level.MISSING)).as(field).isZero();
        }
        assertThat(weights.prior()).isNegative();
        assertThat(weights.addressCap()).isEqualTo(9.0);
    }
}
