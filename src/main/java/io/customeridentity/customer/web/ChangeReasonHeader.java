package io.customeridentity.customer.web;

import io.customeridentity.shared.InvalidInputException;

/** The optional {@code X-Change-Reason} request header: why a change is made, at most 500 characters. */
final class ChangeReasonHeader {

    private static final int MAX_LENGTH = 500;

    private ChangeReasonHeader() {}

    static String validate(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_LENGTH) {
            throw InvalidInputException.of("X-Change-Reason", "Must be at most " + MAX_LENGTH + " characters.");
        }
        return reason.strip();
    }
}
