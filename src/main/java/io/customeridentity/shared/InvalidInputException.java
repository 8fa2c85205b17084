package io.customeridentity.shared;

import java.util.List;

/** Input that is syntactically fine but whose fields break the domain's rules; lists every violation. */
public class InvalidInputException extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("validation-failed", Kind.INVALID_INPUT, "The request has invalid fields.");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** A single invalid field. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("errors", violations);
    }
}
