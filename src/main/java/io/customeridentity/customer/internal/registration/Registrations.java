package io.customeridentity.customer.internal.registration;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomersRegistered;
import io.customeridentity.customer.internal.batching.BatchMetrics;
import io.customeridentity.customer.internal.batching.BatchingProperties;
import io.customeridentity.customer.internal.keys.ProfileCodec;
import io.customeridentity.customer.internal.matching.ContactIndex;
import io.customeridentity.customer.internal.profile.ProfileDiff;
import io.customeridentity.customer.internal.store.CustomerTables;
import io.customeridentity.customer.internal.store.CustomerTables.NewCustomerRows;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.Batcher;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores new customers: the identity row, a fresh data key, version 1 of the profile and the blind indexes, in one SQL
 * statement ({@link CustomerTables#insert}) on purpose: registration is a hot path, and this is one round trip to the
 * database, atomic on its own even in autocommit. Outside a transaction, concurrent registrations share that statement and its commit ({@link
 * Batcher}): the database's work per registration is then a third of what it is alone. The statement and the
 * {@link CustomersRegistered} event's listeners (the change feed's outbox) share one transaction.
 */
@Component
class Registrations {

    private final ProfileCodec codec;
    private final ContactIndex contactIndex;
    private final CustomerTables tables;
    private final Batcher<NewCustomerRows> groups;
    private final DistributionSummary groupSizes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Registrations(
            ProfileCodec codec,
            ContactIndex contactIndex,
            CustomerTables tables,
            BatchingProperties batching,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.codec = codec;
        this.contactIndex = contactIndex;
        this.tables = tables;
        this.groupSizes = BatchMetrics.groupSizes(meters, "registrations");
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.groups = new Batcher<>(
                batching.registrations().maxSize(),
                batching.registrations().concurrent(),
                this::write,
                failure -> failure instanceof DataIntegrityViolationException);
    }

    /**
     * Encrypts in the caller's thread, then writes: in the caller's transaction if there is one (the row must commit
     * or roll back with it), else together with registrations arriving meanwhile.
     */
    void insert(CustomerId id, CustomerProfile profile, String actor, Instant now) {
        DataKey key = codec.newDataKey();
        String customerId = id.value();
        NewCustomerRows row = new NewCustomerRows(
                customerId,
                id.prefix(),
                key.id(),
                codec.wrap(key, customerId),
                codec.encryptProfile(key, customerId, 1, profile),
                String.join(CustomerVersionStore.FIELD_SEPARATOR, ProfileDiff.changedFields(null, profile)),
                actor,
                now,
                contactIndex.entriesOf(profile));
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(List.of(row));
        } else {
            groups.submit(row);
        }
    }

    private void write(List<NewCustomerRows> rows) {
        groupSizes.record(rows.size());
        transactions.executeWithoutResult(transaction -> {
            tables.insert(rows, codec.kekId());
            events.publishEvent(new CustomersRegistered(
                    rows.stream().map(row -> CustomerId.parse(row.customerId())).toList(),
                    rows.get(0).now()));
        });
    }
}
