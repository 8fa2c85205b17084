package io.customeridentity.customer.internal.versions;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.MergeConflict;
import io.customeridentity.customer.ProfileChanged;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.customer.VersionConflict;
import io.customeridentity.customer.internal.cache.CustomerCache;
import io.customeridentity.customer.internal.keys.ProfileCodec;
import io.customeridentity.customer.internal.matching.ContactIndex;
import io.customeridentity.customer.internal.matching.MatchKeys;
import io.customeridentity.customer.internal.profile.ProfileDiff;
import io.customeridentity.customer.internal.profile.ProfileNormalizer;
import io.customeridentity.customer.internal.store.CustomerTables;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Changes a profile as a new version: moves the customer's current-version pointer (a conditional update whose row
 * lock serialises concurrent changes), appends the encrypted version and replaces the contact indexes.
 */
@Component
public class ProfileChanges {

    private final CustomerVersionStore store;
    private final CustomerTables tables;
    private final ProfileNormalizer normalizer;
    private final ProfileCodec codec;
    private final ContactIndex contactIndex;
    private final MatchKeys matchKeys;
    private final CustomerCache cache;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileChanges(
            CustomerVersionStore store,
            CustomerTables tables,
            ProfileNormalizer normalizer,
            ProfileCodec codec,
            ContactIndex contactIndex,
            MatchKeys matchKeys,
            CustomerCache cache,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.tables = tables;
        this.normalizer = normalizer;
        this.codec = codec;
        this.contactIndex = contactIndex;
        this.matchKeys = matchKeys;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    /** Within the caller's transaction. */
    public CustomerDetails update(io.customeridentity.identifier.CustomerId id, ProfileUpdate update) {
        StoredVersion current = store.current(id.value()).orElseThrow(() -> store.missing(id));
        if (current.status() == CustomerStatus.MERGED) {
            throw new MergeConflict("Customer " + id.value() + " is merged; change the customer it was merged into.");
        }
        if (current.version() != update.expectedVersion()) {
            throw VersionConflict.expected(update.expectedVersion(), current.version());
        }
        DataKey key = store.dataKey(current);
        CustomerProfile before = store.profile(current, key);
        CustomerProfile after = normalizer.normalize(update.profile(), before);
        List<String> changed = ProfileDiff.changedFields(before, after);
        if (changed.isEmpty()) {
            return store.details(current, before);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The row lock of this UPDATE orders it with a concurrent merge, which the status check above cannot see.
        if (!tables.advance(id.value(), current.version(), now)) {
            StoredVersion latest = store.current(id.value()).orElseThrow(() -> store.missing(id));
            if (latest.status() == CustomerStatus.MERGED) {
                throw new MergeConflict(
                        "Customer " + id.value() + " is merged; change the customer it was merged into.");
            }
            throw VersionConflict.expected(update.expectedVersion(), latest.version());
        }
        int next = current.version() + 1;
        append(id.value(), next, key, current, after, changed, update, now);
        tables.replaceContactIndex(id.value(), contactIndex.entriesOf(after));
        tables.replaceMatchKeys(id.value(), matchKeys.of(after));
        cache.evictAfterCommit(id.value());
        events.publishEvent(new ProfileChanged(id, next, changed, now));
        return new CustomerDetails(id, current.status(), next, current.createdAt(), now, after, null);
    }

    private void append(
            String customerId,
            int version,
            DataKey key,
            StoredVersion current,
            CustomerProfile profile,
            List<String> changedFields,
            ProfileUpdate update,
            Instant now) {
        tables.appendVersion(
                customerId,
                version,
                current.keyId(),
                codec.encryptProfile(key, customerId, version, profile),
                String.join(CustomerVersionStore.FIELD_SEPARATOR, changedFields),
                codec.encryptReason(key, customerId, version, update.reason()),
                now,
                update.actor());
    }
}
