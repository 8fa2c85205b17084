package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.customer.Registered;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.customer.internal.cache.CustomerCache;
import io.customeridentity.customer.internal.registration.CustomerRegistrar;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.customer.internal.versions.ProfileChanges;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's service: registration, reads (through the cache) and versioned changes, each delegated. */
@Service
class DefaultCustomerManagement implements CustomerManagement {

    private final CustomerRegistrar registrar;
    private final CustomerVersionStore store;
    private final ProfileChanges changes;
    private final CustomerCache cache;

    DefaultCustomerManagement(
            CustomerRegistrar registrar, CustomerVersionStore store, ProfileChanges changes, CustomerCache cache) {
        this.registrar = registrar;
        this.store = store;
        this.changes = changes;
        this.cache = cache;
    }

    /** Transactional only with an idempotency key, see {@link CustomerRegistrar}. */
    @Override
    public Registered register(
            NewCustomer request, String actor, String idempotencyKey, boolean refuseLikelyDuplicates) {
        return registrar.register(request, actor, idempotencyKey, refuseLikelyDuplicates);
    }

    /**
     * From the {@link CustomerCache} when it holds the customer; else one statement (two for a merged customer), not
     * transactional on purpose, see {@code StoredVersions}.
     */
    @Override
    public CustomerDetails find(CustomerId id) {
        return cache.get(
                id.value(),
                key -> store.current(key)
                        .map(store::details)
                        .or(() -> store.tombstone(id))
                        .orElseThrow(() -> CustomerNotFound.forId(id)));
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerDetails findAsOf(CustomerId id, Instant at) {
        return store.findAsOf(id, at);
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerDetails findVersion(CustomerId id, int version) {
        return store.findVersion(id, version);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(CustomerId id, Integer beforeVersion, int limit) {
        if (!store.exists(id.value())) {
            throw CustomerNotFound.forId(id);
        }
        int before = beforeVersion == null ? Integer.MAX_VALUE : beforeVersion;
        return store.summaries(id.value(), before, Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    @Override
    @Transactional
    public CustomerDetails update(CustomerId id, ProfileUpdate update) {
        return changes.update(id, update);
    }
}
