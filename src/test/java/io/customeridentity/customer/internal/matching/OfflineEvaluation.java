package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.Febrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Blocking and scoring as the service does them, in memory on plain keys (no database, no HMAC): the pair-level
 * precision, recall and F1 at thresholds, and the recall of blocking alone. For tuning; the accuracy test goes
 * through the real code.
 */
final class OfflineEvaluation {

    private OfflineEvaluation() {}

    static String of(List<Febrl.Record> records, MatchWeights weights, int cap, int maxCandidates) {
        List<MatchFeatures> features =
                records.stream().map(r -> MatchFeatures.of(r.profile())).toList();
        Map<String, List<Integer>> holders = new HashMap<>();
        List<Set<String>> keys = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Set<String> mine = MatchKeys.plainKeys(features.get(i));
            keys.add(mine);
            for (String key : mine) {
                holders.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        MatchScoring scoring = new MatchScoring(weights);
        CustomerId dummy = null; // not needed: the pairs are indexes
        Map<Long, Double> best = new HashMap<>();
        Set<Long> blocked = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Map<Integer, Integer> shared = new LinkedHashMap<>();
            for (String key : keys.get(i)) {
                List<Integer> h = holders.get(key);
                if (h.size() > cap) {
                    continue;
                }
                for (int j : h) {
                    if (j != i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            List<Integer> candidates = shared.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(maxCandidates)
                    .map(Map.Entry::getKey)
                    .toList();
            for (int j : candidates) {
                long pair = pair(i, j);
                blocked.add(pair);
                ProfileMatch match = scoring.score(dummy, features.get(i), features.get(j), Set.of());
                best.merge(pair, match.score().doubleValue(), Math::max);
            }
        }
        Set<Long> truth = new HashSet<>();
        Map<Integer, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byPerson.computeIfAbsent(records.get(i).person(), k -> new ArrayList<>())
                    .add(i);
        }
        for (List<Integer> group : byPerson.values()) {
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    truth.add(pair(group.get(a), group.get(b)));
                }
            }
        }
        long blockedTrue = truth.stream().filter(blocked::contains).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "true pairs %d, blocking recall %.4f, candidate pairs %d%n",
                truth.size(),
                (double) blockedTrue / truth.size(),
                blocked.size()));
        double bestF1 = 0;
        double bestAt = 0;
        for (int t = 1; t < 100; t++) {
            double threshold = t / 100.0;
            long tp = 0;
            long predicted = 0;
            for (Map.Entry<Long, Double> e : best.entrySet()) {
                if (e.getValue() >= threshold) {
                    predicted++;
                    if (truth.contains(e.getKey())) {
                        tp++;
                    }
                }
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = (double) tp / truth.size();
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestAt = threshold;
            }
            if (t % 10 == 0 || t == 5 || t == 95 || t == 99) {
                out.append(String.format(
                        Locale.ROOT,
                        "  at %.2f: precision %.4f recall %.4f F1 %.4f%n",
                        threshold,
                        precision,
                        recall,
                        f1));
            }
        }
        out.append(String.format(Locale.ROOT, "  best F1 %.4f at %.2f%n", bestF1, bestAt));
        return out.toString();
    }

    private static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }
}
