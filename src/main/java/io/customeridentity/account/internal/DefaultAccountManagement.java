package io.customeridentity.account.internal;

import io.customeridentity.account.AccountLink;
import io.customeridentity.account.AccountLinkNotFound;
import io.customeridentity.account.AccountLinked;
import io.customeridentity.account.AccountManagement;
import io.customeridentity.account.AccountMatch;
import io.customeridentity.account.AccountType;
import io.customeridentity.account.AccountUnlinked;
import io.customeridentity.account.Linked;
import io.customeridentity.account.NewAccountLink;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerErased;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account links on PostgreSQL. The full number exists in memory only while a request is handled: it is stored
 * encrypted under the customer's data key and found again by its keyed fingerprint.
 */
@Service
class DefaultAccountManagement implements AccountManagement {

    private static final int MAX_LABEL = 100;

    private final AccountLinkStore store;
    private final CustomerKeys customerKeys;
    private final AccountNumberCodec codec;
    private final CustomerMerges merges;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultAccountManagement(
            AccountLinkStore store,
            CustomerKeys customerKeys,
            AccountNumberCodec codec,
            CustomerMerges merges,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.customerKeys = customerKeys;
        this.codec = codec;
        this.merges = merges;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Linked link(CustomerId customerId, NewAccountLink request, String actor) {
        if (request.type() == null) {
            throw InvalidInputException.of("type", "Required: IBAN, CARD, BANK_ACCOUNT, INVESTMENT, LOAN or OTHER.");
        }
        String label = label(request.label());
        AccountNumberValidator.Valid number = AccountNumberValidator.validate(request.accountNumber(), request.type());
        DataKey key = dataKey(customerId);
        byte[] fingerprint = codec.fingerprint(number.normalized());
        store.lock(customerId.value(), fingerprint);
        Optional<AccountLinkStore.Row> existing = store.currentLink(customerId.value(), fingerprint);
        if (existing.isPresent()) {
            return new Linked(toLink(existing.get()), false);
        }
        AccountLinkStore.Row row = new AccountLinkStore.Row(
                UUID.randomUUID(),
                customerId.value(),
                request.type(),
                number.masked(),
                number.last4(),
                label,
                now(),
                null);
        byte[] ciphertext = codec.encrypt(key, row.linkId(), number.normalized());
        store.insert(row, fingerprint, key.id(), ciphertext, actor);
        events.publishEvent(new AccountLinked(row.linkId(), customerId, row.type(), row.last4(), row.linkedAt()));
        return new Linked(toLink(row), true);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountLink> links(CustomerId customerId, boolean includeUnlinked) {
        return store.links(merges.groupOf(customerId), includeUnlinked).stream()
                .map(DefaultAccountManagement::toLink)
                .toList();
    }

    @Override
    @Transactional
    public void unlink(CustomerId customerId, UUID linkId, String actor) {
        AccountLinkStore.Row link = store.link(customerId.value(), linkId).orElseThrow(() -> {
            // An erased customer's links are gone with their look-up rows: a write to a tombstone.
            if (!customerKeys.erased(List.of(customerId)).isEmpty()) {
                return CustomerErased.forId(customerId);
            }
            return AccountLinkNotFound.forId(linkId);
        });
        Instant now = now();
        if (store.unlink(linkId, now, actor)) {
            events.publishEvent(new AccountUnlinked(linkId, customerId, link.type(), link.last4(), now));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountMatch> resolve(String accountNumber, AccountType type) {
        byte[] fingerprint = codec.fingerprint(AccountNumberValidator.normalize(accountNumber));
        return store.linkedTo(fingerprint, type).stream()
                .map(row -> {
                    CustomerId holder = CustomerId.parse(row.customerId());
                    CustomerId survivor = survivorOf(holder);
                    return new AccountMatch(
                            survivor,
                            row.linkId(),
                            row.type(),
                            row.linkedAt(),
                            survivor.equals(holder) ? null : holder);
                })
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<CustomerId> customersSharingAccounts(CustomerId customerId) {
        return store.customersSharingFingerprints(customerId.value()).stream()
                .map(CustomerId::parse)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Links of merged customers show up under the customer they were merged into. */
    private CustomerId survivorOf(CustomerId id) {
        return merges.survivorOf(id)
                .map(io.customeridentity.customer.Resolved::customerId)
                .orElse(id);
    }

    private DataKey dataKey(CustomerId customerId) {
        DataKey key = customerKeys.currentKeys(List.of(customerId)).get(customerId);
        if (key == null) {
            throw customerKeys.missing(customerId);
        }
        return key;
    }

    private static String label(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        if (label.length() > MAX_LABEL) {
            throw InvalidInputException.of("label", "Must be at most " + MAX_LABEL + " characters.");
        }
        return label.strip();
    }

    private static AccountLink toLink(AccountLinkStore.Row row) {
        return new AccountLink(
                row.linkId(),
                CustomerId.parse(row.customerId()),
                row.type(),
                row.masked(),
                row.last4(),
                row.label(),
                row.linkedAt(),
                row.unlinkedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
