package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registration that asked to be refused if it is likely a duplicate ({@code Prefer: duplicates=reject}) and was:
 * the problem lists the candidates' IDs and scores, no personal data.
 */
public final class LikelyDuplicate extends DomainException {

    private final transient List<ProfileMatch> candidates;

    public LikelyDuplicate(List<ProfileMatch> candidates) {
        super(
                "likely-duplicate",
                Kind.CONFLICT,
                "This profile is likely a customer already ("
                        + candidates.get(0).customerId().value()
                        + (candidates.size() > 1 ? " and " + (candidates.size() - 1) + " more" : "")
                        + "); nothing was registered.");
        this.candidates = List.copyOf(candidates);
    }

    public List<ProfileMatch> candidates() {
        return candidates;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "candidates",
                candidates.stream()
                        .map(candidate -> {
                            Map<String, Object> member = new LinkedHashMap<>();
                            member.put("customerId", candidate.customerId().value());
                            member.put("score", candidate.score());
                            return member;
                        })
                        .toList());
    }
}
