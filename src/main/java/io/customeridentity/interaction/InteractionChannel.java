package io.customeridentity.interaction;

/** Where an interaction happened. */
public enum InteractionChannel {
    WEB,
    MOBILE,
    EMAIL,
    PHONE,
    STORE,
    CHAT,
    OTHER
}
