package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the audit trail: who ({@code actor}, the token's subject; {@code client}, its azp or client_id) did what
 * ({@code action}, a stable dotted name) to which customer, from where, in which request, with which outcome (the
 * HTTP status) and which personal fields the answer showed ({@code disclosed}, names only). Never a personal value.
 *
 * @param customerId absent for a look-up that matched nobody ({@code *.miss}) and a refused request
 */
public record AuditEntry(
        UUID id,
        Instant at,
        String actor,
        String client,
        String clientIp,
        String requestId,
        String action,
        CustomerId customerId,
        int outcome,
        List<String> disclosed) {}
