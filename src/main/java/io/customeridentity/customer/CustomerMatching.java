package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds customers by contact details (through blind indexes, never by stored plaintext) and likely duplicates. */
public interface CustomerMatching {

    /** Customers whose current e-mail is this address, normalised as on write; 400 for an invalid address. */
    List<CustomerId> byEmail(String email);

    /** Customers whose current phone is this number, normalised to E.164 as on write; 400 for an invalid number. */
    List<CustomerId> byPhone(String phone);

    /**
     * Other customers sharing the customer's e-mail ({@code email}), phone ({@code phone}), or given and family name
     * with postal code ({@code name+postalCode}), with the reasons; one indexed query.
     */
    Map<CustomerId, Set<String>> sharedContacts(CustomerId id);

    /**
     * Likely duplicates of a stored customer, best first, scored at or above {@code minScore} (null: the configured
     * default): the active customers sharing match keys or contact details with it, and those in {@code evidence},
     * which names the exact matches other modules found for them ({@code accountNumber}, {@code externalRef}) and
     * which weigh in. {@link CustomerNotFound} for an unknown ID.
     */
    List<ProfileMatch> duplicatesOf(CustomerId id, Map<CustomerId, Set<String>> evidence, BigDecimal minScore);

    /** The same for a profile that is not stored, normalised and validated as a registration's (400 if invalid). */
    List<ProfileMatch> matchesOf(CustomerProfile profile, BigDecimal minScore);

    /** {@code customer-identity.matching.min-score}. */
    BigDecimal defaultMinScore();
}
