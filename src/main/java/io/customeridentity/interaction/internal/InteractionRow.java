package io.customeridentity.interaction.internal;

import io.customeridentity.interaction.InteractionChannel;
import io.customeridentity.interaction.InteractionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of the interactions table, details still encrypted. */
record InteractionRow(
        UUID id,
        String customerId,
        InteractionType type,
        InteractionChannel channel,
        Instant occurredAt,
        Instant recordedAt,
        String source,
        String externalId,
        BigDecimal amountValue,
        String amountCurrency,
        Integer rating,
        UUID dataKeyId,
        byte[] detailsCiphertext) {

    /** What the change feed may tell of this row: no details, no producer key. */
    io.customeridentity.interaction.InteractionRecorded recorded() {
        return new io.customeridentity.interaction.InteractionRecorded(
                id, io.customeridentity.identifier.CustomerId.parse(customerId), type, channel, occurredAt);
    }
}
