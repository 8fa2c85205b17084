package io.customeridentity.resolution.internal;

import io.customeridentity.account.AccountManagement;
import io.customeridentity.customer.CustomerErased;
import io.customeridentity.customer.CustomerMatching;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.Resolved;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.resolution.Duplicate;
import io.customeridentity.resolution.ExternalRef;
import io.customeridentity.resolution.ExternalRefAdded;
import io.customeridentity.resolution.ExternalRefEnded;
import io.customeridentity.resolution.ExternalRefLinked;
import io.customeridentity.resolution.ExternalRefNotFound;
import io.customeridentity.resolution.ExternalRefTaken;
import io.customeridentity.resolution.Match;
import io.customeridentity.resolution.ResolutionManagement;
import io.customeridentity.resolution.ResolveQuery;
import io.customeridentity.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** External IDs, resolution and duplicates, combining the customer, account and resolution modules' indexes. */
@Service
class DefaultResolutionManagement implements ResolutionManagement {

    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9-]{1,40}");
    private final ExternalRefStore refs;
    private final CustomerMerges merges;
    private final CustomerMatching matching;
    private final AccountManagement accounts;
    private final CustomerIdScheme scheme;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultResolutionManagement(
            ExternalRefStore refs,
            CustomerMerges merges,
            CustomerMatching matching,
            AccountManagement accounts,
            CustomerIdScheme scheme,
            ApplicationEventPublisher events,
            Clock clock) {
        this.refs = refs;
        this.merges = merges;
        this.matching = matching;
        this.accounts = accounts;
        this.scheme = scheme;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ExternalRefLinked linkExternalRef(CustomerId customerId, String system, String externalId, String actor) {
        validate(system, externalId);
        Resolved target = resolved(customerId);
        if (target.status() == CustomerStatus.ERASED) {
            throw CustomerErased.forId(customerId);
        }
        refs.lock(system, externalId);
        Optional<ExternalRef> current = refs.current(system, externalId);
        if (current.isPresent()) {
            Resolved holder = resolved(current.get().customerId());
            if (holder.customerId().equals(target.customerId())) {
                return new ExternalRefLinked(current.get(), false);
            }
            throw new ExternalRefTaken(current.get().customerId());
        }
        ExternalRef ref = new ExternalRef(
                UUID.randomUUID(),
                customerId,
                system,
                externalId,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null);
        refs.insert(ref, actor);
        events.publishEvent(new ExternalRefAdded(ref.refId(), customerId, system, ref.linkedAt()));
        return new ExternalRefLinked(ref, true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExternalRef> externalRefs(CustomerId customerId, boolean includeEnded) {
        return refs.refsOf(merges.groupOf(customerId), includeEnded);
    }

    @Override
    @Transactional
    public void endExternalRef(CustomerId customerId, UUID refId, String actor) {
        ExternalRef ref = refs.ref(customerId.value(), refId).orElseThrow(() -> {
            // An erased customer's mappings are gone with the other system's IDs: a write to a tombstone.
            if (resolved(customerId).status() == CustomerStatus.ERASED) {
                return CustomerErased.forId(customerId);
            }
            return new ExternalRefNotFound(refId);
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (refs.end(refId, now, actor)) {
            events.publishEvent(new ExternalRefEnded(refId, customerId, ref.system(), now));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Match> resolve(ResolveQuery query) {
        long given = Stream.of(query.customerId(), query.email(), query.phone(), query.system())
                .filter(Objects::nonNull)
                .count();
        if (given != 1 || (query.system() == null) != (query.externalId() == null)) {
            throw InvalidInputException.of(
                    null, "Give exactly one of customerId, email, phone or externalRef {system, externalId}.");
        }
        if (query.customerId() != null) {
            return matches(List.of(scheme.parse(query.customerId())), "customerId");
        }
        if (query.email() != null) {
            return matches(matching.byEmail(query.email()), "email");
        }
        if (query.phone() != null) {
            return matches(matching.byPhone(query.phone()), "phone");
        }
        validate(query.system(), query.externalId());
        return matches(
                refs.current(query.system(), query.externalId()).map(ExternalRef::customerId).stream()
                        .toList(),
                "externalRef");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Duplicate> duplicates(CustomerId customerId, BigDecimal minScore) {
        // A merged customer's duplicates are its survivor's: the survivor stands for the person now.
        CustomerId self = resolved(customerId).customerId();
        Map<CustomerId, Set<String>> evidence = new HashMap<>();
        accounts.customersSharingAccounts(self)
                .forEach(id ->
                        evidence.computeIfAbsent(id, key -> new TreeSet<>()).add("accountNumber"));
        refs.customersSharingRefs(self.value()).stream()
                .map(CustomerId::parse)
                .forEach(id ->
                        evidence.computeIfAbsent(id, key -> new TreeSet<>()).add("externalRef"));
        // Only ACTIVE candidates are scored: none is merged already, into this customer or anyone else.
        return matching.duplicatesOf(self, evidence, minScore).stream()
                .map(Duplicate::of)
                .toList();
    }

    /** Each found customer followed to its survivor, once, in the order found. */
    private List<Match> matches(List<CustomerId> found, String matchedBy) {
        Map<CustomerId, Match> matches = new LinkedHashMap<>();
        for (CustomerId id : found) {
            merges.survivorOf(id)
                    .ifPresent(end -> matches.putIfAbsent(
                            end.customerId(),
                            new Match(
                                    end.customerId(),
                                    end.status(),
                                    matchedBy,
                                    end.customerId().equals(id) ? null : id)));
        }
        return List.copyOf(matches.values());
    }

    private Resolved resolved(CustomerId id) {
        return merges.survivorOf(id).orElseThrow(() -> CustomerNotFound.forId(id));
    }

    private static void validate(String system, String externalId) {
        if (system == null || !SYSTEM.matcher(system).matches()) {
            throw InvalidInputException.of("system", "Must match [a-z0-9-]{1,40}, such as salesforce.");
        }
        if (externalId == null || externalId.isBlank() || externalId.length() > 200) {
            throw InvalidInputException.of("externalId", "Required: 1 to 200 characters.");
        }
    }
}
