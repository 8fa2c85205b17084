package io.customeridentity.shared;

/** A conditional request header (such as {@code If-Match}) is required but missing or unusable. */
public final class PreconditionRequired extends DomainException {

    private PreconditionRequired(String message) {
        super("precondition-required", Kind.PRECONDITION_REQUIRED, message);
    }

    public static PreconditionRequired ifMatch() {
        return new PreconditionRequired(
                "This change needs an If-Match header with the version it is based on, e.g. If-Match: \"3\".");
    }
}
