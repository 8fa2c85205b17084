package io.customeridentity.customer.internal.versions;

import java.time.Instant;
import java.util.UUID;

/** What a version list shows of one version: everything but the profile snapshot. */
record VersionHeader(
        int version,
        Instant recordedAt,
        String recordedBy,
        String changedFields,
        byte[] reasonCiphertext,
        UUID dataKeyId) {}
