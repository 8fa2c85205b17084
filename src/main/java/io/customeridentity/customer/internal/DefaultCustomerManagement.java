package io.customeridentity.customer.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerManagement;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.MergeConflict;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.customer.ProfileUpdate;
import io.customeridentity.customer.Registration;
import io.customeridentity.customer.UnknownPrefix;
import io.customeridentity.customer.VersionConflict;
import io.customeridentity.customer.VersionNotFound;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, versioned changes and reads of customers on PostgreSQL. */
@Service
class DefaultCustomerManagement implements CustomerManagement {

    private final Customers customers;
    private final CustomerVersionStore store;
    private final CurrentVersions currentVersions;
    private final ProfileNormalizer normalizer;
    private final IdempotencyKeys idempotencyKeys;
    private final CustomerIdScheme scheme;
    private final CustomerSequence sequence;
    private final Registrations registrations;
    private final CustomerCache cache;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultCustomerManagement(
            Customers customers,
            CustomerVersionStore store,
            CurrentVersions currentVersions,
            ProfileNormalizer normalizer,
            IdempotencyKeys idempotencyKeys,
            CustomerIdScheme scheme,
            CustomerSequence sequence,
            Registrations registrations,
            CustomerCache cache,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.customers = customers;
        this.store = store;
        this.currentVersions = currentVersions;
        this.normalizer = normalizer;
        this.idempotencyKeys = idempotencyKeys;
        this.scheme = scheme;
        this.sequence = sequence;
        this.registrations = registrations;
        this.cache = cache;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Without an idempotency key, not transactional on purpose: the registration is one statement (see
     * {@link Registrations}), atomic in autocommit, one round trip. With a key, the claim, the registration and the key
     * record commit together.
     */
    @Override
    public Registration register(NewCustomer request, String actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Registration(registerNew(request, actor, now()), false);
        }
        return transactions.execute(transaction -> {
            Instant now = now();
            Optional<String> earlier = idempotencyKeys.claim(actor, idempotencyKey, request, now);
            if (earlier.isPresent()) {
                return new Registration(findVersion(CustomerId.parse(earlier.get()), 1), true);
            }
            CustomerDetails created = registerNew(request, actor, now);
            idempotencyKeys.record(actor, idempotencyKey, request, created.id().value(), now);
            return new Registration(created, false);
        });
    }

    private CustomerDetails registerNew(NewCustomer request, String actor, Instant now) {
        String prefix = prefixOf(request.prefix());
        CustomerProfile profile = normalizer.normalize(request.profile(), null);
        CustomerId id = scheme.issue(prefix, sequence.next());
        registrations.insert(id.value(), id.prefix(), profile, actor, now);
        return CustomerMapper.first(id, profile, now);
    }

    /**
     * From the {@link CustomerCache} when it holds the customer; else one statement (two for a merged customer), not
     * transactional on purpose, see {@link CurrentVersions}.
     */
    @Override
    public CustomerDetails find(CustomerId id) {
        return cache.get(
                id.value(),
                key -> store.details(currentVersions.find(key).orElseThrow(() -> CustomerNotFound.forId(id))));
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerDetails findAsOf(CustomerId id, Instant at) {
        return customers
                .findAsOf(id.value(), at)
                .map(store::details)
                .orElseThrow(() -> notFoundOr(id, VersionNotFound.at(id, at)));
    }

    @Override
    @Transactional(readOnly = true)
    public CustomerDetails findVersion(CustomerId id, int version) {
        return customers
                .findVersion(id.value(), version)
                .map(store::details)
                .orElseThrow(() -> notFoundOr(id, VersionNotFound.number(id, version)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<VersionSummary> versions(CustomerId id, Integer beforeVersion, int limit) {
        if (!customers.existsById(id.value())) {
            throw CustomerNotFound.forId(id);
        }
        int before = beforeVersion == null ? Integer.MAX_VALUE : beforeVersion;
        return store.summaries(id.value(), before, Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    }

    @Override
    @Transactional
    public CustomerDetails update(CustomerId id, ProfileUpdate update) {
        StoredVersion current = currentVersions.find(id.value()).orElseThrow(() -> CustomerNotFound.forId(id));
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
        Instant now = now();
        if (customers.advance(id.value(), current.version(), now) == 0) {
            int latest = customers.currentVersion(id.value()).orElse(current.version());
            throw VersionConflict.expected(update.expectedVersion(), latest);
        }
        int next = current.version() + 1;
        store.append(id.value(), next, key, current.keyId(), after, changed, update, now);
        cache.evictAfterCommit(id.value());
        return new CustomerDetails(id, current.status(), next, current.createdAt(), now, after, null);
    }

    /** The requested prefix, or the default; checked before a sequence value is spent on it. */
    private String prefixOf(String requested) {
        if (requested == null || requested.isBlank()) {
            return scheme.defaultPrefix();
        }
        String prefix = requested.strip().toUpperCase(Locale.ROOT);
        if (!scheme.prefixes().contains(prefix)) {
            throw UnknownPrefix.forRegistration();
        }
        return prefix;
    }

    private RuntimeException notFoundOr(CustomerId id, RuntimeException otherwise) {
        return customers.existsById(id.value()) ? otherwise : CustomerNotFound.forId(id);
    }

    /** Microseconds: what PostgreSQL stores, so an answer equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
