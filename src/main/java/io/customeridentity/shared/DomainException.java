package io.customeridentity.shared;

/**
 * Base of the domain's errors: each carries a stable slug ({@link #code()}) that becomes the problem type, and a
 * {@link Kind} that the web layer maps to an HTTP status.
 */
public abstract class DomainException extends RuntimeException {

    /** What went wrong, independent of any protocol. */
    public enum Kind {
        INVALID_INPUT,
        NOT_FOUND,
        CONFLICT,
        PRECONDITION_REQUIRED,
        PRECONDITION_FAILED,
        BROKEN_RULE,
        GONE,
        /** A capacity of the service is exhausted for the moment: the caller may retry (503 with Retry-After). */
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    protected DomainException(String code, Kind kind, String message) {
        super(message, null, false, false);
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Extra members of the problem details, beyond type, title, status, detail and code. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }
}
