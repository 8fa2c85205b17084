package io.customeridentity.customer;

import io.customeridentity.shared.DomainException;
import io.customeridentity.shared.FieldViolation;
import java.util.List;
import java.util.Map;

/** A change tried to alter a field that never changes through the profile (ID, prefix, status, versions, times). */
public final class ImmutableField extends DomainException {

    private final String field;

    private ImmutableField(String field) {
        super("immutable-field", Kind.BROKEN_RULE, "The field '" + field + "' cannot be changed.");
        this.field = field;
    }

    public static ImmutableField named(String field) {
        return new ImmutableField(field);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", List.of(new FieldViolation(field, "Cannot be changed.")));
    }
}
