package io.customeridentity.customer.internal.profile;

import io.customeridentity.shared.FieldViolation;
import io.customeridentity.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one input, so the caller learns all of them at once. */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    public void add(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    /** The trimmed text, or null when blank; records a violation when longer than {@code max}. */
    public String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "Must be at most " + max + " characters.");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
