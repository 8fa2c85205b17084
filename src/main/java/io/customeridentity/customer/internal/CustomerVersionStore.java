package io.customeridentity.customer.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/** Writes and reads encrypted profile versions, with the customer's data key. */
@Component
class CustomerVersionStore {

    static final String FIELD_SEPARATOR = ",";

    private final CustomerVersions versions;
    private final ContactIndex contactIndex;
    private final ProfileCodec codec;
    private final MergeQueries merges;
    private final CustomerKeys customerKeys;

    CustomerVersionStore(
            CustomerVersions versions,
            ContactIndex contactIndex,
            ProfileCodec codec,
            MergeQueries merges,
            CustomerKeys customerKeys) {
        this.versions = versions;
        this.contactIndex = contactIndex;
        this.codec = codec;
        this.merges = merges;
        this.customerKeys = customerKeys;
    }

    void append(
            String customerId,
            int version,
            DataKey key,
            UUID keyId,
            CustomerProfile profile,
            List<String> changedFields,
            ProfileUpdate update,
            Instant now) {
        save(customerId, version, key, keyId, profile, changedFields, update.reason(), now, update.actor());
        contactIndex.update(customerId, profile);
    }

    private void save(
            String customerId,
            int version,
            DataKey key,
            UUID keyId,
            CustomerProfile profile,
            List<String> changedFields,
            String reason,
            Instant now,
            String actor) {
        versions.save(new CustomerVersion(
                new CustomerVersion.Key(customerId, version),
                keyId,
                codec.encryptProfile(key, customerId, version, profile),
                String.join(FIELD_SEPARATOR, changedFields),
                codec.encryptReason(key, customerId, version, reason),
                now,
                actor));
        versions.flush();
    }

    DataKey dataKey(StoredVersion stored) {
        return codec.unwrap(stored.keyId(), stored.kekId(), stored.wrappedKey(), stored.id());
    }

    CustomerProfile profile(StoredVersion stored, DataKey key) {
        return codec.decryptProfile(key, stored.id(), stored.version(), stored.profileCiphertext());
    }

    CustomerDetails details(StoredVersion stored) {
        return details(stored, profile(stored, dataKey(stored)));
    }

    CustomerDetails details(StoredVersion stored, CustomerProfile profile) {
        CustomerId mergedInto = stored.status() == CustomerStatus.MERGED
                ? merges.mergedInto(stored.id()).map(CustomerId::parse).orElse(null)
                : null;
        return new CustomerDetails(
                CustomerId.parse(stored.id()),
                stored.status(),
                stored.version(),
                stored.createdAt(),
                stored.recordedAt(),
                profile,
                mergedInto);
    }

    List<VersionSummary> summaries(String customerId, int before, int limit) {
        List<VersionHeader> headers = versions.findHeaders(customerId, before, Limit.of(limit));
        Map<UUID, DataKey> keys = customerKeys.keysById(headers.stream()
                .filter(header -> header.reasonCiphertext() != null)
                .map(VersionHeader::dataKeyId)
                .collect(Collectors.toSet()));
        return headers.stream()
                .map(header -> new VersionSummary(
                        header.version(),
                        header.recordedAt(),
                        header.recordedBy(),
                        header.changedFields().isEmpty()
                                ? List.of()
                                : Arrays.asList(header.changedFields().split(FIELD_SEPARATOR)),
                        header.reasonCiphertext() == null
                                ? null
                                : codec.decryptReason(
                                        keys.get(header.dataKeyId()),
                                        customerId,
                                        header.version(),
                                        header.reasonCiphertext())))
                .toList();
    }
}
