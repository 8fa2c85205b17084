package io.customeridentity.account;

import io.customeridentity.shared.DomainException;
import io.customeridentity.shared.FieldViolation;
import java.util.List;
import java.util.Map;

/** An account number that fails its type's rules. The message says what is wrong, never what was sent. */
public final class InvalidAccountNumber extends DomainException {

    public InvalidAccountNumber(String reason) {
        super("invalid-account-number", Kind.BROKEN_RULE, reason);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(new FieldViolation("accountNumber", getMessage())));
    }
}
