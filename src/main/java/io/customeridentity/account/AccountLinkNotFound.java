package io.customeridentity.account;

import io.customeridentity.shared.DomainException;
import java.util.UUID;

/** The customer has no account link with this id. */
public final class AccountLinkNotFound extends DomainException {

    private AccountLinkNotFound(String message) {
        super("account-link-not-found", Kind.NOT_FOUND, message);
    }

    public static AccountLinkNotFound forId(UUID linkId) {
        return new AccountLinkNotFound("The customer has no account link " + linkId + ".");
    }
}
