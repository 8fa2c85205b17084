package io.customeridentity.events.internal;

import io.customeridentity.account.AccountLinked;
import io.customeridentity.account.AccountUnlinked;
import io.customeridentity.customer.CustomersMerged;
import io.customeridentity.customer.CustomersRegistered;
import io.customeridentity.customer.MergeReversed;
import io.customeridentity.customer.ProfileChanged;
import io.customeridentity.events.EventData;
import io.customeridentity.events.EventTypes;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionsRecorded;
import io.customeridentity.privacy.CustomersErased;
import io.customeridentity.resolution.ExternalRefAdded;
import io.customeridentity.resolution.ExternalRefEnded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: turns the records other modules publish inside their changing transaction into events,
 * written in that same transaction (synchronous listeners, on purpose not after commit), so a committed change always
 * has its events and a rolled-back one never does. Refuses to write outside a transaction.
 */
@Component
class Outbox {

    private final EventTables tables;
    private final FeedSequencer sequencer;
    private final JsonMapper json;
    private final EventsProperties properties;

    Outbox(EventTables tables, FeedSequencer sequencer, JsonMapper json, EventsProperties properties) {
        this.tables = tables;
        this.sequencer = sequencer;
        this.json = json;
        this.properties = properties;
    }

    @EventListener
    void on(CustomersRegistered registered) {
        write(
                registered.customerIds().stream()
                        .map(id -> event(
                                EventTypes.CUSTOMER_REGISTERED,
                                id,
                                registered.at(),
                                new EventData.Registered(id.value(), 1)))
                        .toList(),
                false); // nobody else can write events of a customer not yet committed
    }

    @EventListener
    void on(ProfileChanged changed) {
        write(event(
                EventTypes.CUSTOMER_UPDATED,
                changed.customerId(),
                changed.at(),
                new EventData.Updated(changed.customerId().value(), changed.version(), changed.changedFields())));
    }

    /** About the merged customer: its state changed, and its ID now means the survivor. */
    @EventListener
    void on(CustomersMerged merged) {
        write(event(
                EventTypes.CUSTOMER_MERGED,
                merged.merged(),
                merged.at(),
                new EventData.Merge(merged.survivor().value(), merged.merged().value(), merged.mergeId())));
    }

    @EventListener
    void on(MergeReversed reversed) {
        write(event(
                EventTypes.CUSTOMER_MERGE_REVERSED,
                reversed.merged(),
                reversed.at(),
                new EventData.Merge(
                        reversed.survivor().value(), reversed.merged().value(), reversed.mergeId())));
    }

    @EventListener
    void on(AccountLinked linked) {
        write(event(
                EventTypes.ACCOUNT_LINKED,
                linked.customerId(),
                linked.at(),
                new EventData.AccountLink(
                        linked.customerId().value(),
                        linked.linkId(),
                        linked.type().name(),
                        linked.last4())));
    }

    @EventListener
    void on(AccountUnlinked unlinked) {
        write(event(
                EventTypes.ACCOUNT_UNLINKED,
                unlinked.customerId(),
                unlinked.at(),
                new EventData.AccountLink(
                        unlinked.customerId().value(),
                        unlinked.linkId(),
                        unlinked.type().name(),
                        unlinked.last4())));
    }

    @EventListener
    void on(ExternalRefAdded added) {
        write(event(
                EventTypes.EXTERNAL_REF_LINKED,
                added.customerId(),
                added.at(),
                new EventData.ExternalRef(added.customerId().value(), added.refId(), added.system())));
    }

    @EventListener
    void on(ExternalRefEnded ended) {
        write(event(
                EventTypes.EXTERNAL_REF_ENDED,
                ended.customerId(),
                ended.at(),
                new EventData.ExternalRef(ended.customerId().value(), ended.refId(), ended.system())));
    }

    /** Only with {@code customer-identity.events.interactions=true}: interactions are high volume. */
    @EventListener
    void on(InteractionsRecorded recorded) {
        if (!properties.interactions()) {
            return;
        }
        write(
                recorded.interactions().stream()
                        .map(interaction -> event(
                                EventTypes.INTERACTION_RECORDED,
                                interaction.customerId(),
                                interaction.at(),
                                new EventData.Interaction(
                                        interaction.customerId().value(),
                                        interaction.interactionId(),
                                        interaction.type().name(),
                                        interaction.channel().name())))
                        .toList(),
                true);
    }

    /** One event per customer the erasure turned into a tombstone (none when it repeats an earlier erasure). */
    @EventListener
    void on(CustomersErased erased) {
        write(
                erased.newlyErased().stream()
                        .map(id -> event(
                                EventTypes.CUSTOMER_ERASED,
                                id,
                                erased.erasedAt(),
                                new EventData.Erased(id.value(), erased.erasedAt())))
                        .toList(),
                true);
    }

    private NewEvent event(String type, CustomerId subject, Instant at, EventData data) {
        return new NewEvent(UUID.randomUUID(), type, subject.value(), at, json.writeValueAsString(data));
    }

    private void write(NewEvent event) {
        write(List.of(event), true);
    }

    private void write(List<NewEvent> events, boolean lockSubjects) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Events are written in the transaction of the change they describe");
        }
        if (events.isEmpty() || !properties.enabled()) {
            return;
        }
        tables.append(events, lockSubjects);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sequencer.nudge();
            }
        });
    }
}
