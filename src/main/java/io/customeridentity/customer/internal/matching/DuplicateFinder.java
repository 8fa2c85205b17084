package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.LikelyDuplicate;
import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.internal.cache.CustomerCache;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Duplicate detection: candidates through the match keys and the contact indexes, each active one decrypted
 * (through the customer cache) and scored ({@link MatchScoring}); those at or above the threshold, best first.
 */
@Component
public class DuplicateFinder {

    private final MatchKeys keys;
    private final MatchCandidates candidates;
    private final ContactIndex index;
    private final ContactLookups contacts;
    private final CustomerVersionStore store;
    private final CustomerCache cache;
    private final MatchingProperties properties;
    private final MatchScoring scoring = new MatchScoring(MatchWeights.shipped());

    DuplicateFinder(
            MatchKeys keys,
            MatchCandidates candidates,
            ContactIndex index,
            ContactLookups contacts,
            CustomerVersionStore store,
            CustomerCache cache,
            MatchingProperties properties) {
        this.keys = keys;
        this.candidates = candidates;
        this.index = index;
        this.contacts = contacts;
        this.store = store;
        this.cache = cache;
        this.properties = properties;
    }

    /** Of a stored customer; {@code evidence}: exact matches found by other modules, which weigh in. */
    List<ProfileMatch> ofCustomer(CustomerId id, Map<CustomerId, Set<String>> evidence, BigDecimal minScore) {
        BigDecimal threshold = threshold(minScore);
        CustomerDetails self = details(id);
        if (self.status() != CustomerStatus.ACTIVE) {
            return List.of(); // merged: its survivor has the duplicates; erased: nothing left to compare
        }
        Set<CustomerId> found = new LinkedHashSet<>(candidates.sharing(keys.of(self.profile()), id.value()));
        found.addAll(contacts.sharedContacts(id).keySet());
        found.addAll(evidence.keySet());
        found.remove(id);
        return scored(self.profile(), found, evidence, threshold);
    }

    /** Of a profile that is not stored, already normalised. */
    List<ProfileMatch> ofProfile(CustomerProfile profile, BigDecimal minScore) {
        BigDecimal threshold = threshold(minScore);
        Set<CustomerId> found = new LinkedHashSet<>(candidates.sharing(keys.of(profile), null));
        if (profile.email() != null) {
            found.addAll(contacts.lookup("EMAIL", index.emailIndex(profile.email())));
        }
        if (profile.phone() != null) {
            found.addAll(contacts.lookup("PHONE", index.phoneIndex(profile.phone())));
        }
        return scored(profile, found, Map.of(), threshold);
    }

    /**
     * {@link LikelyDuplicate} when a customer scores at or above {@code customer-identity.matching.reject-score}
     * against the normalised profile.
     */
    public void refuseLikelyDuplicate(CustomerProfile profile) {
        List<ProfileMatch> likely = ofProfile(profile, properties.rejectScore());
        if (!likely.isEmpty()) {
            throw new LikelyDuplicate(likely);
        }
    }

    BigDecimal defaultMinScore() {
        return properties.minScore();
    }

    private List<ProfileMatch> scored(
            CustomerProfile profile, Set<CustomerId> found, Map<CustomerId, Set<String>> evidence, BigDecimal min) {
        MatchFeatures mine = MatchFeatures.of(profile);
        List<ProfileMatch> matches = new ArrayList<>();
        for (CustomerId id : found) {
            CustomerDetails other;
            try {
                other = details(id);
            } catch (CustomerNotFound ex) {
                continue;
            }
            if (other.status() != CustomerStatus.ACTIVE) {
                continue; // merged (its survivor is the candidate) or erased
            }
            ProfileMatch match = scoring.score(
                    id, mine, MatchFeatures.of(other.profile()), new TreeSet<>(evidence.getOrDefault(id, Set.of())));
            if (match.score().compareTo(min) >= 0) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparing(ProfileMatch::score)
                .reversed()
                .thenComparing(match -> match.customerId().value()));
        return matches;
    }

    /** The current version as reads see it (cached); an inactive customer with an empty profile, never decrypted. */
    private CustomerDetails details(CustomerId id) {
        return cache.get(
                id.value(),
                key -> store.current(key)
                        .map(stored -> stored.status() == CustomerStatus.ACTIVE
                                ? store.details(stored)
                                : new CustomerDetails(
                                        id,
                                        stored.status(),
                                        stored.version(),
                                        stored.createdAt(),
                                        stored.recordedAt(),
                                        CustomerProfile.EMPTY,
                                        null))
                        .orElseThrow(() -> CustomerNotFound.forId(id)));
    }

    private BigDecimal threshold(BigDecimal minScore) {
        if (minScore == null) {
            return properties.minScore();
        }
        if (minScore.signum() < 0 || minScore.compareTo(BigDecimal.ONE) > 0) {
            throw InvalidInputException.of("minScore", "Must be between 0 and 1.");
        }
        return minScore;
    }
}
