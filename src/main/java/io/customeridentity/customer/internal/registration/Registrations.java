package io.customeridentity.customer.internal.registration;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomersRegistered;
import io.customeridentity.customer.internal.batching.BatchMetrics;
import io.customeridentity.customer.internal.batching.BatchingProperties;
import io.customeridentity.customer.internal.keys.ProfileCodec;
import io.customeridentity.customer.internal.matching.ContactIndex;
import io.customeridentity.customer.internal.matching.MatchKeys;
import io.customeridentity.customer.internal.profile.ProfileDiff;
import io.customeridentity.customer.internal.store.CustomerTables;
import io.customeridentity.customer.internal.store.CustomerTables.NewCustomerRows;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.Batcher;
import io.customeridentity.shared.FencedWrites;
import io.customeridentity.shared.security.RequestOrigin;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores new customers: the identity row, a fresh data key, version 1 of the profile and the blind indexes, in one SQL
 * statement ({@link CustomerTables#insert}) on purpose: registration is a hot path, and this is one round trip to the
 * database, atomic on its own even in autocommit. Outside a transaction, concurrent registrations share that statement and its commit ({@link
 * Batcher}): the database's work per registration is then a third of what it is alone. Such a shared statement whose
 * connection breaks is settled before anyone is answered ({@link FencedWrites}): its callers hear success if it
 * committed and failure only if it did not and never will, so a caller without a key can retry a failure safely. The
 * statement and the {@link CustomersRegistered} event's listeners (the change feed's outbox) share one transaction:
 * the caller's, or else one on the fenced connection (a {@link DataSourceTransactionManager} over it, since
 * JPA's transaction manager will not take a connection bound before it).
 */
@Component
class Registrations {

    private final ProfileCodec codec;
    private final ContactIndex contactIndex;
    private final MatchKeys matchKeys;
    private final CustomerTables tables;
    private final FencedWrites fenced;
    private final Batcher<Registration> groups;
    private final DistributionSummary groupSizes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate sharedTransactions;

    Registrations(
            ProfileCodec codec,
            ContactIndex contactIndex,
            MatchKeys matchKeys,
            CustomerTables tables,
            FencedWrites fenced,
            BatchingProperties batching,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            DataSource dataSource) {
        this.codec = codec;
        this.contactIndex = contactIndex;
        this.matchKeys = matchKeys;
        this.tables = tables;
        this.fenced = fenced;
        this.groupSizes = BatchMetrics.groupSizes(meters, "registrations");
        this.events = events;
        this.sharedTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.groups = new Batcher<>(
                batching.registrations().maxSize(),
                batching.registrations().concurrent(),
                batching.registrations().maxWait(),
                this::writeShared,
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
                contactIndex.entriesOf(profile),
                matchKeys.of(profile));
        Registration registration = new Registration(row, RequestOrigin.current());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(List.of(registration));
        } else {
            groups.submit(registration);
        }
    }

    private void writeShared(List<Registration> registrations) {
        fenced.run(
                () -> sharedTransactions.executeWithoutResult(transaction -> write(registrations)),
                () -> tables.allStored(registrations.stream()
                        .map(registration -> registration.row().customerId())
                        .toList()));
    }

    /** In a transaction: the rows and their outbox events commit together. */
    private void write(List<Registration> registrations) {
        List<NewCustomerRows> rows =
                registrations.stream().map(Registration::row).toList();
        groupSizes.record(rows.size());
        tables.insert(rows, codec.kekId());
        events.publishEvent(new CustomersRegistered(
                rows.stream().map(row -> CustomerId.parse(row.customerId())).toList(),
                registrations.stream().map(Registration::origin).toList(),
                rows.get(0).now()));
    }

    /** A customer's rows, and the request that registers it (the shared statement may run on another's thread). */
    private record Registration(NewCustomerRows row, RequestOrigin origin) {}
}
