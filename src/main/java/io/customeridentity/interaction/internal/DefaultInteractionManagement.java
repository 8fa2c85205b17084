package io.customeridentity.interaction.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.interaction.BatchItemResult;
import io.customeridentity.interaction.BatchItemResult.ItemError;
import io.customeridentity.interaction.BatchItemResult.Status;
import io.customeridentity.interaction.InactiveCustomer;
import io.customeridentity.interaction.Interaction;
import io.customeridentity.interaction.InteractionManagement;
import io.customeridentity.interaction.InteractionSummary;
import io.customeridentity.interaction.Money;
import io.customeridentity.interaction.NewInteraction;
import io.customeridentity.interaction.Recorded;
import io.customeridentity.interaction.TimelineQuery;
import io.customeridentity.shared.FieldViolation;
import io.customeridentity.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records interactions (alone or in batches of independent items) and reads the timeline. */
@Service
class DefaultInteractionManagement implements InteractionManagement {

    private final InteractionStore store;
    private final TimelineAggregates aggregates;
    private final InteractionCodec codec;
    private final CustomerKeys customerKeys;
    private final CustomerIdScheme scheme;
    private final CustomerMerges merges;
    private final Clock clock;
    private final TimeOrderedIds ids;

    DefaultInteractionManagement(
            InteractionStore store,
            TimelineAggregates aggregates,
            InteractionCodec codec,
            CustomerKeys customerKeys,
            CustomerIdScheme scheme,
            CustomerMerges merges,
            Clock clock) {
        this.store = store;
        this.aggregates = aggregates;
        this.codec = codec;
        this.customerKeys = customerKeys;
        this.scheme = scheme;
        this.merges = merges;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    @Override
    @Transactional
    public Recorded record(CustomerId customerId, NewInteraction interaction) {
        ValidInteraction valid = InteractionValidator.validate(interaction, now());
        DataKey key = customerKeys.currentKeys(List.of(customerId.value())).get(customerId.value());
        if (key == null) {
            throw CustomerNotFound.forId(customerId);
        }
        InteractionRow row = toRow(customerId.value(), valid, key);
        Set<UUID> inserted = store.insertNew(List.of(row));
        store.addToStats(inserted.isEmpty() ? List.of() : List.of(row));
        UUID id = inserted.isEmpty()
                ? store.idsByProducerKey(List.of(row.source()), List.of(row.externalId()))
                        .get(InteractionStore.producerKey(row.source(), row.externalId()))
                : row.id();
        return new Recorded(readAll(List.of(store.find(id).orElseThrow())).get(0), !inserted.isEmpty());
    }

    @Override
    @Transactional
    public List<BatchItemResult> recordBatch(List<NewInteraction> items) {
        Instant now = now();
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<String> customerIds = new ArrayList<>();
        List<ValidInteraction> valid = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                customerIds.add(scheme.parse(items.get(i).customerId()).value());
                valid.add(InteractionValidator.validate(items.get(i), now));
            } catch (InvalidCustomerIdException ex) {
                results[i] = rejected(i, ex.reason().code(), "customerId", ex.getMessage());
                customerIds.add(null);
                valid.add(null);
            } catch (InvalidInputException ex) {
                FieldViolation first = ex.violations().get(0);
                results[i] = rejected(i, ex.code(), first.field(), first.message());
                valid.add(null);
            }
        }
        // A data key is unwrapped only for customers with personal details to encrypt; for the others it is enough
        // to know that they exist, which spares an AES-GCM unwrap per customer.
        Set<String> withDetails = new HashSet<>();
        Set<String> withoutDetails = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == null) {
                (valid.get(i).details() == null ? withoutDetails : withDetails).add(customerIds.get(i));
            }
        }
        withoutDetails.removeAll(withDetails);
        Map<String, DataKey> keys = customerKeys.currentKeys(withDetails);
        Set<String> known = customerKeys.existing(withoutDetails);
        List<InteractionRow> rows = new ArrayList<>();
        List<Integer> rowIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (results[i] == null) {
                String customerId = customerIds.get(i);
                DataKey key = keys.get(customerId);
                if (key == null && !known.contains(customerId)) {
                    results[i] = rejected(i, "customer-not-found", "customerId", "No customer has this ID.");
                } else {
                    rows.add(toRow(customerId, valid.get(i), key));
                    rowIndex.add(i);
                }
            }
        }
        Set<UUID> inserted = rows.isEmpty() ? Set.of() : store.insertNew(rows);
        store.addToStats(
                rows.stream().filter(row -> inserted.contains(row.id())).toList());
        Map<String, UUID> existing = inserted.size() == rows.size()
                ? Map.of()
                : store.idsByProducerKey(
                        rows.stream().map(InteractionRow::source).toList(),
                        rows.stream().map(InteractionRow::externalId).toList());
        for (int r = 0; r < rows.size(); r++) {
            InteractionRow row = rows.get(r);
            int index = rowIndex.get(r);
            results[index] = inserted.contains(row.id())
                    ? new BatchItemResult(index, Status.CREATED, row.id(), null)
                    : new BatchItemResult(
                            index,
                            Status.DUPLICATE,
                            existing.get(InteractionStore.producerKey(row.source(), row.externalId())),
                            null);
        }
        return List.of(results);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Interaction> timeline(CustomerId customerId, TimelineQuery query) {
        return readAll(store.page(merges.groupOf(customerId), query));
    }

    @Override
    @Transactional(readOnly = true)
    public InteractionSummary summary(CustomerId customerId) {
        List<String> group = merges.groupOf(customerId);
        return SummaryCalculator.summarise(customerId, aggregates.stats(group), aggregates.openComplaints(group));
    }

    @Override
    @Transactional(readOnly = true)
    public List<InactiveCustomer> inactiveSince(Instant since, String prefix, String afterId, int limit) {
        return aggregates.inactiveSince(since, prefix, afterId, limit).stream()
                .map(row -> new InactiveCustomer(CustomerId.parse(row.customerId()), row.lastInteractionAt()))
                .toList();
    }

    private InteractionRow toRow(String customerId, ValidInteraction valid, DataKey key) {
        UUID id = ids.next();
        Money amount = valid.amount();
        return new InteractionRow(
                id,
                customerId,
                valid.type(),
                valid.channel(),
                valid.occurredAt().truncatedTo(ChronoUnit.MICROS),
                now(),
                valid.source(),
                valid.externalId(),
                amount == null ? null : amount.value(),
                amount == null ? null : amount.currency(),
                valid.rating(),
                valid.details() == null ? null : key.id(),
                valid.details() == null ? null : codec.encrypt(key, id, valid.details()));
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

    private static BatchItemResult rejected(int index, String code, String field, String message) {
        return new BatchItemResult(index, Status.REJECTED, null, new ItemError(code, field, message));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
