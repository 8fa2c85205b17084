package io.customeridentity.interaction.internal;

import java.util.Map;

/** The parts of an interaction that can hold personal data, stored encrypted under the customer's data key. */
record InteractionDetails(String subject, String note, Map<String, String> attributes) {

    boolean isEmpty() {
        return subject == null && note == null && (attributes == null || attributes.isEmpty());
    }
}
