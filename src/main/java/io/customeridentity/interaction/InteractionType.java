package io.customeridentity.interaction;

/** What kind of touch-point an interaction records. */
public enum InteractionType {
    PURCHASE,
    REFUND,
    SUPPORT_CONTACT,
    COMPLAINT,
    FEEDBACK,
    EMAIL_OPEN,
    EMAIL_CLICK,
    WEB_VISIT,
    STORE_VISIT,
    CALL,
    NOTE;

    /** Purchases and refunds carry an amount; nothing else does. */
    public boolean hasAmount() {
        return this == PURCHASE || this == REFUND;
    }
}
