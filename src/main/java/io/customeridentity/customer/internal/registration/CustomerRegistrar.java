package io.customeridentity.customer.internal.registration;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.customer.Registered;
import io.customeridentity.customer.internal.ids.CustomerSequence;
import io.customeridentity.customer.internal.matching.DuplicateFinder;
import io.customeridentity.customer.internal.profile.ProfileNormalizer;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers a customer: checks the prefix, normalises the profile, issues the ID and stores version 1. */
@Component
public class CustomerRegistrar {

    private final ProfileNormalizer normalizer;
    private final IdempotencyKeys idempotencyKeys;
    private final CustomerIdScheme scheme;
    private final CustomerSequence sequence;
    private final Registrations registrations;
    private final CustomerVersionStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DuplicateFinder duplicates;

    CustomerRegistrar(
            ProfileNormalizer normalizer,
            IdempotencyKeys idempotencyKeys,
            CustomerIdScheme scheme,
            CustomerSequence sequence,
            Registrations registrations,
            CustomerVersionStore store,
            PlatformTransactionManager transactionManager,
            Clock clock,
            DuplicateFinder duplicates) {
        this.normalizer = normalizer;
        this.idempotencyKeys = idempotencyKeys;
        this.scheme = scheme;
        this.sequence = sequence;
        this.registrations = registrations;
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.duplicates = duplicates;
    }

    /**
     * Without an idempotency key, not transactional on purpose: the registration is one statement (see
     * {@link Registrations}), atomic in autocommit, one round trip. With a key, the claim, the registration and the key
     * record commit together.
     */
    public Registered register(NewCustomer request, String actor, String idempotencyKey, boolean refuseDuplicates) {
        if (idempotencyKey == null) {
            return new Registered(registerNew(request, actor, now(), refuseDuplicates), true);
        }
        return transactions.execute(transaction -> {
            Instant now = now();
            Optional<String> earlier = idempotencyKeys.claim(actor, idempotencyKey, request, now);
            if (earlier.isPresent()) {
                return new Registered(store.findVersion(CustomerId.parse(earlier.get()), 1), false);
            }
            CustomerDetails created = registerNew(request, actor, now, refuseDuplicates);
            idempotencyKeys.record(actor, idempotencyKey, request, created.id(), now);
            return new Registered(created, true);
        });
    }

    /**
     * With {@code refuseDuplicates}, the duplicate check reads before this registration writes: two likely
     * duplicates registered at the same moment can both pass it (duplicates lists them afterwards).
     */
    private CustomerDetails registerNew(NewCustomer request, String actor, Instant now, boolean refuseDuplicates) {
        // Checked before a sequence value is spent on it.
        String prefix = scheme.issuablePrefix(request.prefix());
        CustomerProfile profile = normalizer.normalize(request.profile(), null);
        if (refuseDuplicates) {
            duplicates.refuseLikelyDuplicate(profile);
        }
        CustomerId id = scheme.issue(prefix, sequence.next());
        registrations.insert(id, profile, actor, now);
        return CustomerMapper.first(id, profile, now);
    }

    /** Microseconds: what PostgreSQL stores, so an answer equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
