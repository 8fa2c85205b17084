package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.CustomerMatching;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.ProfileMatch;
import io.customeridentity.customer.internal.profile.ContactNormalizer;
import io.customeridentity.customer.internal.profile.ProfileNormalizer;
import io.customeridentity.customer.internal.profile.Violations;
import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact look-ups through the blind indexes, and duplicate detection ({@link DuplicateFinder}). */
@Service
class DefaultCustomerMatching implements CustomerMatching {

    private final ContactIndex index;
    private final ContactLookups contacts;
    private final ContactNormalizer normalizer;
    private final ProfileNormalizer profiles;
    private final DuplicateFinder duplicates;

    DefaultCustomerMatching(
            ContactIndex index,
            ContactLookups contacts,
            ContactNormalizer normalizer,
            ProfileNormalizer profiles,
            DuplicateFinder duplicates) {
        this.index = index;
        this.contacts = contacts;
        this.normalizer = normalizer;
        this.profiles = profiles;
        this.duplicates = duplicates;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerId> byEmail(String email) {
        Violations violations = new Violations();
        String normalized = normalizer.email(email, violations);
        violations.throwIfAny();
        return normalized == null ? List.of() : contacts.lookup("EMAIL", index.emailIndex(normalized));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerId> byPhone(String phone) {
        Violations violations = new Violations();
        String normalized = normalizer.phone(phone, violations);
        violations.throwIfAny();
        return normalized == null ? List.of() : contacts.lookup("PHONE", index.phoneIndex(normalized));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CustomerId, Set<String>> sharedContacts(CustomerId id) {
        return contacts.sharedContacts(id);
    }

    /** Not transactional: each read is one statement, and a candidate changed meanwhile is scored as it is then. */
    @Override
    public List<ProfileMatch> duplicatesOf(CustomerId id, Map<CustomerId, Set<String>> evidence, BigDecimal minScore) {
        return duplicates.ofCustomer(id, evidence, minScore);
    }

    @Override
    public List<ProfileMatch> matchesOf(CustomerProfile profile, BigDecimal minScore) {
        return duplicates.ofProfile(profiles.normalize(profile, null), minScore);
    }

    @Override
    public BigDecimal defaultMinScore() {
        return duplicates.defaultMinScore();
    }
}
