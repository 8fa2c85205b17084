package io.customeridentity.identifier;

/**
 * Thrown when a customer ID is malformed, fails its check digit or carries a prefix this service does not issue; the
 * message is safe to show to API clients and never echoes the input.
 */
public final class InvalidCustomerIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an ID was rejected, with the stable code that API problem responses carry. */
    public enum Reason {
        MALFORMED("invalid-customer-id"),
        CHECK_DIGIT_MISMATCH("check-digit-mismatch"),
        UNKNOWN_PREFIX("unknown-prefix");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    private final boolean requested;

    private InvalidCustomerIdException(Reason reason, String message) {
        this(reason, message, false);
    }

    private InvalidCustomerIdException(Reason reason, String message, boolean requested) {
        // An expected outcome of parsing what people type, not a bug: no stack trace to fill.
        super(message, null, false, false);
        this.reason = reason;
        this.requested = requested;
    }

    public static InvalidCustomerIdException malformed() {
        return new InvalidCustomerIdException(
                Reason.MALFORMED,
                "A customer ID is two letters followed by eleven digits, for example AC-1234-5678-900.");
    }

    public static InvalidCustomerIdException checkDigitMismatch() {
        return new InvalidCustomerIdException(
                Reason.CHECK_DIGIT_MISMATCH, "The check digit does not match; the ID was probably mistyped.");
    }

    /** Names the prefix only when it is two letters, so arbitrary input never reaches the message. */
    public static InvalidCustomerIdException unknownPrefix(String prefix) {
        String safe = Ascii.normalizePrefix(prefix);
        String message = safe == null
                ? "The customer ID prefix is not one this service uses."
                : "The customer ID prefix " + safe + " is not one this service uses.";
        return new InvalidCustomerIdException(Reason.UNKNOWN_PREFIX, message);
    }

    /**
     * A prefix asked for when issuing a new ID is not configured: the request was well-formed but cannot be honoured
     * (the API answers 422, where an ID read from a path or body with an unknown prefix is a 400). The message never
     * repeats the requested prefix: the field may hold anything the caller sent.
     */
    public static InvalidCustomerIdException prefixNotIssued() {
        return new InvalidCustomerIdException(
                Reason.UNKNOWN_PREFIX,
                "The requested prefix is not one this service issues; GET /api/v1/prefixes lists those it does.",
                true);
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the ID (or prefix) was requested for a new customer rather than read as a reference to one. */
    public boolean requested() {
        return requested;
    }
}
