package io.customeridentity.customer.web;

import io.customeridentity.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} request header: 1 to 255 printable ASCII characters. */
final class IdempotencyKeyHeader {

    private static final Pattern VALID = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private IdempotencyKeyHeader() {}

    static String validate(String key) {
        if (key == null) {
            return null;
        }
        if (!VALID.matcher(key).matches()) {
            throw InvalidInputException.of("Idempotency-Key", "Must be 1 to 255 printable ASCII characters.");
        }
        return key;
    }
}
