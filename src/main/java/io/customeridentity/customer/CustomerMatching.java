package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
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
}
