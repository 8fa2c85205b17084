package io.customeridentity.customer.internal.versions;

import io.customeridentity.customer.CustomerStatus;
import java.time.Instant;
import java.util.UUID;

/** A customer row joined with one of its versions and the wrapped data key that version is encrypted under. */
public record StoredVersion(
        String id,
        CustomerStatus status,
        int currentVersion,
        Instant createdAt,
        int version,
        Instant recordedAt,
        String recordedBy,
        String changedFields,
        byte[] profileCiphertext,
        byte[] reasonCiphertext,
        UUID keyId,
        String kekId,
        byte[] wrappedKey) {}
