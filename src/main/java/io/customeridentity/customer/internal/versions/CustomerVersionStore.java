package io.customeridentity.customer.internal.versions;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerErased;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.VersionNotFound;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.customer.internal.keys.ProfileCodec;
import io.customeridentity.customer.internal.merges.MergeQueries;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/** Reads encrypted profile versions, current or past, and decrypts them with the customer's data key. */
@Component
public class CustomerVersionStore {

    /** Between the names in {@code customer_versions.changed_fields}. */
    public static final String FIELD_SEPARATOR = ",";

    private final Customers customers;
    private final CustomerVersions versions;
    private final StoredVersions storedVersions;
    private final ProfileCodec codec;
    private final MergeQueries merges;
    private final CustomerKeys customerKeys;

    CustomerVersionStore(
            Customers customers,
            CustomerVersions versions,
            StoredVersions storedVersions,
            ProfileCodec codec,
            MergeQueries merges,
            CustomerKeys customerKeys) {
        this.customers = customers;
        this.versions = versions;
        this.storedVersions = storedVersions;
        this.codec = codec;
        this.merges = merges;
        this.customerKeys = customerKeys;
    }

    /** The current version, see {@link StoredVersions}. */
    public Optional<StoredVersion> current(String id) {
        return storedVersions.find(id);
    }

    /**
     * An erased customer as every read shows it: identity, status ERASED, the last version number, {@code updatedAt}
     * the time of erasure, and an empty profile. Empty unless the customer is erased.
     */
    public Optional<CustomerDetails> tombstone(CustomerId id) {
        return storedVersions
                .tombstone(id.value())
                .map(erased -> new CustomerDetails(
                        id,
                        CustomerStatus.ERASED,
                        erased.version(),
                        erased.createdAt(),
                        erased.erasedAt(),
                        CustomerProfile.EMPTY,
                        null));
    }

    /** Why a customer has no readable version: {@link CustomerErased} for a tombstone, else {@link CustomerNotFound}. */
    public RuntimeException missing(CustomerId id) {
        return storedVersions.tombstone(id.value()).isPresent() ? CustomerErased.forId(id) : CustomerNotFound.forId(id);
    }

    public boolean exists(String id) {
        return customers.existsById(id);
    }

    /** Of an erased customer, the tombstone: none of its versions can be read any more. */
    public CustomerDetails findAsOf(CustomerId id, Instant at) {
        return storedVersions
                .asOf(id.value(), at)
                .map(this::details)
                .or(() -> tombstone(id))
                .orElseThrow(() -> notFoundOr(id, VersionNotFound.at(id, at)));
    }

    /** Of an erased customer, the tombstone: none of its versions can be read any more. */
    public CustomerDetails findVersion(CustomerId id, int version) {
        return storedVersions
                .version(id.value(), version)
                .map(this::details)
                .or(() -> tombstone(id))
                .orElseThrow(() -> notFoundOr(id, VersionNotFound.number(id, version)));
    }

    DataKey dataKey(StoredVersion stored) {
        return codec.unwrap(stored.keyId(), stored.kekId(), stored.wrappedKey(), stored.id());
    }

    CustomerProfile profile(StoredVersion stored, DataKey key) {
        return codec.decryptProfile(key, stored.id(), stored.version(), stored.profileCiphertext());
    }

    public CustomerDetails details(StoredVersion stored) {
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

    public List<VersionSummary> summaries(String customerId, int before, int limit) {
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
                        header.reasonCiphertext() == null || !keys.containsKey(header.dataKeyId())
                                ? null
                                : codec.decryptReason(
                                        keys.get(header.dataKeyId()),
                                        customerId,
                                        header.version(),
                                        header.reasonCiphertext())))
                .toList();
    }

    private RuntimeException notFoundOr(CustomerId id, RuntimeException otherwise) {
        return customers.existsById(id.value()) ? otherwise : CustomerNotFound.forId(id);
    }
}
