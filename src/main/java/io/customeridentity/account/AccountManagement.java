package io.customeridentity.account;

import io.customeridentity.identifier.CustomerId;
import java.util.List;
import java.util.UUID;

/** Links account numbers to customers, lists and unlinks them, and resolves a number to its customers. */
public interface AccountManagement {

    /** Links the number; the existing link when this customer has it linked already. */
    Linked link(CustomerId customerId, NewAccountLink link, String actor);

    List<AccountLink> links(CustomerId customerId, boolean includeUnlinked);

    /** Records the unlinking (once; unlinking again changes nothing). */
    void unlink(CustomerId customerId, UUID linkId, String actor);

    /** Other customers currently linked to any account the customer has linked (duplicate candidates). */
    java.util.Set<CustomerId> customersSharingAccounts(CustomerId customerId);

    /** The customers currently linked to the number, optionally only through links of one type. */
    List<AccountMatch> resolve(String accountNumber, AccountType type);
}
