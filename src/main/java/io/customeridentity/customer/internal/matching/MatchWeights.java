package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.internal.matching.FieldComparisons.Compared;
import io.customeridentity.customer.internal.matching.FieldComparisons.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Fellegi-Sunter weights: for each field and comparison level, log2(m/u), where m is how often true duplicates
 * compare so and u how often unrelated people do; a missing value weighs nothing. A pair's match weight is the prior
 * (log2 of the odds that two records are one person) plus its fields' weights, its score 1 / (1 + 2^-weight).
 * Shipped as {@code matching/weights.properties}, fitted by {@code MatchWeightsFit} (tests), which says how to refit.
 */
final class MatchWeights {

    static final String RESOURCE = "/matching/weights.properties";

    private final double prior;
    private final Map<String, Double> weights;

    MatchWeights(double prior, Map<String, Double> weights) {
        this.prior = prior;
        this.weights = Map.copyOf(weights);
    }

    static MatchWeights shipped() {
        try (InputStream in = MatchWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, Double> weights = new HashMap<>();
            properties.stringPropertyNames().stream()
                    .filter(name -> !name.equals("prior"))
                    .forEach(name -> weights.put(
                            name,
                            Double.parseDouble(properties.getProperty(name).strip())));
            return new MatchWeights(
                    Double.parseDouble(properties.getProperty("prior").strip()), weights);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    double prior() {
        return prior;
    }

    /** The most that the parts of an address add up to ({@code address.cap}; unlimited when not given). */
    double addressCap() {
        return weights.getOrDefault("address.cap", Double.MAX_VALUE);
    }

    /** The weight of a field at a level; 0 for a missing value or a level without a weight. */
    double of(String field, Level level) {
        return level == Level.MISSING ? 0 : weights.getOrDefault(field + "." + level.key(), 0.0);
    }

    double of(Compared compared) {
        return of(compared.field(), compared.level());
    }

    /** The match probability of a match weight. */
    static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
