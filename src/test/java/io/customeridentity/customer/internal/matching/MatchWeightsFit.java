package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.internal.matching.FieldComparisons.Compared;
import io.customeridentity.customer.internal.matching.FieldComparisons.Level;
import io.customeridentity.support.Febrl;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How {@code matching/weights.properties} was made, and how to make it again: the Fellegi-Sunter weights fitted on
 * FEBRL dataset 1 with its labels (m: how often the true pairs compare at each level; u: the same over 200,000
 * random pairs of different people; add-one smoothing), the prior from the share of true pairs among all pairs.
 * The fields FEBRL lacks (e-mail, phone, account numbers, external IDs) keep the weights set by judgment below.
 * Refit, and see the blocking and scoring measured offline on both datasets (no database, no HMAC: equal keys are
 * equal HMACs):
 *
 * <pre>mvn -B -o test -Dtest=MatchWeightsFit -Dmatching.refit=true -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dgenerated-client.skip=true</pre>
 *
 * then copy the printed block into {@code src/main/resources/matching/weights.properties}.
 */
@EnabledIfSystemProperty(named = "matching.refit", matches = "true")
class MatchWeightsFit {

    /** Not in FEBRL: log2(m/u) as judged (an e-mail address or account number is nearly never shared by others). */
    static final String JUDGED = """
            # Not in FEBRL, set by judgment: log2(m/u) with m (duplicates agreeing) and u (others agreeing) estimated.
            email.exact=14.0
            email.close=6.0
            email.different=-1.0
            phone.exact=12.0
            phone.different=-1.0
            accountNumber.exact=14.0
            externalRef.exact=20.0
            # The most the parts of one address add up to: a household shares them all, and FEBRL has no households
            # (its F1 at min-score 0.5 is 0.999 without a cap, 0.995 with 9); 9 keeps a sibling at the same address (same family name,
            # other given name and birth date) below the default min-score.
            address.cap=9
            """;

    static final int RANDOM_PAIRS = 200_000;

    @Test
    void fitsAndMeasures() {
        List<MatchFeatures> training = features(Febrl.dataset(1));
        List<Integer> persons =
                Febrl.dataset(1).stream().map(Febrl.Record::person).toList();
        String fitted = fit(training, persons);
        System.out.println("---- matching/weights.properties ----\n" + fitted + JUDGED + "----");
        MatchWeights weights = parse(fitted + JUDGED);
        for (int dataset : new int[] {1, 2}) {
            List<Febrl.Record> records = Febrl.dataset(dataset);
            System.out.println("dataset " + dataset + ": " + OfflineEvaluation.of(records, weights, 50, 20));
        }
    }

    static List<MatchFeatures> features(List<Febrl.Record> records) {
        return records.stream()
                .map(record -> MatchFeatures.of(record.profile()))
                .toList();
    }

    static String fit(List<MatchFeatures> records, List<Integer> persons) {
        Map<String, Map<Level, Integer>> m = new TreeMap<>();
        Map<String, Map<Level, Integer>> u = new TreeMap<>();
        int trueCount = 0;
        Map<Integer, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byPerson.computeIfAbsent(persons.get(i), key -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byPerson.values()) {
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    count(m, FieldComparisons.compare(records.get(group.get(a)), records.get(group.get(b))));
                    trueCount++;
                }
            }
        }
        Random random = new Random(18);
        for (int n = 0; n < RANDOM_PAIRS; ) {
            int a = random.nextInt(records.size());
            int b = random.nextInt(records.size());
            if (!persons.get(a).equals(persons.get(b))) {
                count(u, FieldComparisons.compare(records.get(a), records.get(b)));
                n++;
            }
        }
        long allPairs = (long) records.size() * (records.size() - 1) / 2;
        double lambda = (double) trueCount / allPairs;
        StringBuilder out = new StringBuilder();
        out.append("# Fitted on FEBRL dataset 1 by MatchWeightsFit (tests): log2(m/u) per field and level.\n");
        out.append(String.format(Locale.ROOT, "prior=%.3f%n", log2(lambda / (1 - lambda))));
        for (String field : FieldComparisons.FIELDS) {
            Map<Level, Integer> mf = m.getOrDefault(field, Map.of());
            Map<Level, Integer> uf = u.getOrDefault(field, Map.of());
            int mTotal = total(mf);
            int uTotal = total(uf);
            if (mTotal == 0 || uTotal == 0) {
                continue;
            }
            for (Level level : Set.of(Level.EXACT, Level.CLOSE, Level.DIFFERENT).stream()
                    .sorted()
                    .toList()) {
                if (mf.getOrDefault(level, 0) + uf.getOrDefault(level, 0) == 0) {
                    continue; // a level the field never has (region is exact or different)
                }
                double mShare = (mf.getOrDefault(level, 0) + 1.0) / (mTotal + 3);
                double uShare = (uf.getOrDefault(level, 0) + 1.0) / (uTotal + 3);
                out.append(String.format(Locale.ROOT, "%s.%s=%.3f%n", field, level.key(), log2(mShare / uShare)));
            }
        }
        return out.toString();
    }

    static MatchWeights parse(String properties) {
        Map<String, Double> weights = new LinkedHashMap<>();
        double prior = 0;
        for (String line : properties.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("=", 2);
            if (kv[0].equals("prior")) {
                prior = Double.parseDouble(kv[1]);
            } else {
                weights.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return new MatchWeights(prior, weights);
    }

    private static void count(Map<String, Map<Level, Integer>> counts, List<Compared> compared) {
        for (Compared c : compared) {
            if (c.level() != Level.MISSING) {
                counts.computeIfAbsent(c.field(), key -> new HashMap<>()).merge(c.level(), 1, Integer::sum);
            }
        }
    }

    private static int total(Map<Level, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static BigDecimal score(double weight) {
        return MatchScoring.score(weight);
    }
}
