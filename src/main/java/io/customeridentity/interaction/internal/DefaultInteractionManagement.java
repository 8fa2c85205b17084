package io.customeridentity.interaction.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.BatchItemResult;
import io.customeridentity.interaction.InactiveCustomer;
import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.interaction.InteractionSummary;
import io.customeridentity.interaction.InteractionsRecorded;
import io.customeridentity.interaction.NewInteraction;
import io.customeridentity.interaction.Recorded;
import io.customeridentity.interaction.TimelineQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records interactions (alone or in batches of independent items) and reads the timeline. */
@Service
class DefaultInteractionManagement implements InteractionManagement {

    private final InteractionStore store;
    private final InteractionStats stats;
    private final InteractionRows rows;
    private final BatchRecorder batches;
    private final InteractionCodec codec;
    private final CustomerKeys customerKeys;
    private final CustomerMerges merges;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultInteractionManagement(
            InteractionStore store,
            InteractionStats stats,
            InteractionRows rows,
            BatchRecorder batches,
            InteractionCodec codec,
            CustomerKeys customerKeys,
            CustomerMerges merges,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.stats = stats;
        this.rows = rows;
        this.batches = batches;
        this.codec = codec;
        this.customerKeys = customerKeys;
        this.merges = merges;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Recorded record(CustomerId customerId, NewInteraction interaction) {
        ValidInteraction valid = InteractionValidator.validate(interaction, now());
        DataKey key = customerKeys.currentKeys(List.of(customerId)).get(customerId);
        if (key == null) {
            throw customerKeys.missing(customerId);
        }
        InteractionRow row = rows.of(customerId.value(), valid, key);
        Set<UUID> inserted = store.insertNew(List.of(row));
        stats.add(inserted.isEmpty() ? List.of() : List.of(row));
        if (!inserted.isEmpty()) {
            events.publishEvent(new InteractionsRecorded(List.of(row.recorded())));
        }
        UUID id = inserted.isEmpty()
                ? store.idsByProducerKey(List.of(row.source()), List.of(row.externalId()))
                        .get(InteractionStore.producerKey(row.source(), row.externalId()))
                : row.id();
        return new Recorded(readAll(List.of(store.find(id).orElseThrow())).get(0), !inserted.isEmpty());
    }

    @Override
    @Transactional
    public List<BatchItemResult> recordBatch(List<NewInteraction> items) {
        return batches.record(items, now());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Interaction> timeline(CustomerId customerId, TimelineQuery query) {
        return readAll(store.page(merges.groupOf(customerId), query));
    }

    @Override
    @Transactional(readOnly = true)
    public InteractionSummary summary(CustomerId customerId) {
        List<CustomerId> group = merges.groupOf(customerId);
        return SummaryCalculator.summarize(customerId, stats.of(group), store.openComplaints(group));
    }

    @Override
    @Transactional(readOnly = true)
    public List<InactiveCustomer> inactiveSince(Instant since, String prefix, CustomerId after, int limit) {
        return stats.inactiveSince(since, prefix, after == null ? null : after.value(), limit).stream()
                .map(row -> new InactiveCustomer(CustomerId.parse(row.customerId()), row.lastInteractionAt()))
                .toList();
    }

    /** Decrypts the details of the rows, unwrapping each data key once. */
    private List<Interaction> readAll(List<InteractionRow> rows) {
        Set<UUID> keyIds = new HashSet<>();
        rows.stream()
                .map(InteractionRow::dataKeyId)
                .filter(java.util.Objects::nonNull)
                .forEach(keyIds::add);
        Map<UUID, DataKey> keys = customerKeys.keysById(keyIds);
        return rows.stream()
                .map(row -> {
                    DataKey key = row.detailsCiphertext() == null ? null : keys.get(row.dataKeyId());
                    InteractionDetails details =
                            key == null ? null : codec.decrypt(key, row.id(), row.detailsCiphertext());
                    return InteractionMapper.interaction(row, details);
                })
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
