package io.customeridentity.events;

import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of each event type: identifiers and what kind of change, never personal data (a consumer that
 * needs the new profile reads it with its own scopes).
 */
public sealed interface EventData {

    /** {@code customer.registered}. */
    record Registered(String customerId, int version) implements EventData {}

    /** {@code customer.updated}: the new version and the names of the fields that changed, never their values. */
    record Updated(String customerId, int version, List<String> changedFields) implements EventData {}

    /** {@code customer.merged} and {@code customer.merge_reversed}. */
    record Merge(String survivorId, String mergedId, UUID mergeId) implements EventData {}

    /** {@code account.linked} and {@code account.unlinked}: the number only by its last four digits. */
    record AccountLink(String customerId, UUID linkId, String type, String last4) implements EventData {}

    /** {@code external_ref.linked} and {@code external_ref.ended}: the system, not the other system's ID. */
    record ExternalRef(String customerId, UUID refId, String system) implements EventData {}

    /** {@code interaction.recorded}: what kind of interaction, not what was said. */
    record Interaction(String customerId, UUID interactionId, String type, String channel) implements EventData {}

    /**
     * {@code customer.erased}: the customer was erased (crypto-shredded); forget everything you hold about it. One
     * event per customer of the erased merge group.
     */
    record Erased(String customerId, java.time.Instant erasedAt) implements EventData {}
}
