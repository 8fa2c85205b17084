package io.customeridentity.interaction.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerKeys;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.identifier.CustomerIdScheme;
import io.customeridentity.identifier.InvalidCustomerIdException;
import io.customeridentity.interaction.BatchItemResult;
import io.customeridentity.interaction.BatchItemResult.ItemError;
import io.customeridentity.interaction.BatchItemResult.Status;
import io.customeridentity.interaction.InteractionsRecorded;
import io.customeridentity.interaction.NewInteraction;
import io.customeridentity.shared.FieldViolation;
import io.customeridentity.shared.InvalidInputException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a batch of independent interactions: each item is validated on its own and answered on its own (created,
 * duplicate or rejected), while the inserts and the aggregates take one statement each for the whole batch.
 */
@Component
class BatchRecorder {

    private final InteractionStore store;
    private final InteractionStats stats;
    private final InteractionRows rows;
    private final CustomerKeys customerKeys;
    private final CustomerIdScheme scheme;
    private final ApplicationEventPublisher events;

    BatchRecorder(
            InteractionStore store,
            InteractionStats stats,
            InteractionRows rows,
            CustomerKeys customerKeys,
            CustomerIdScheme scheme,
            ApplicationEventPublisher events) {
        this.store = store;
        this.stats = stats;
        this.rows = rows;
        this.customerKeys = customerKeys;
        this.scheme = scheme;
        this.events = events;
    }

    /** One item of the batch on its way: what is known of it so far, and its answer once it has one. */
    private static final class Item {

        final int index;
        CustomerId customerId;
        ValidInteraction valid;
        InteractionRow row;
        BatchItemResult result;

        Item(int index) {
            this.index = index;
        }

        boolean pending() {
            return result == null;
        }

        void reject(String code, String field, String message) {
            result = new BatchItemResult(index, Status.REJECTED, null, new ItemError(code, field, message));
        }
    }

    List<BatchItemResult> record(List<NewInteraction> batch, Instant now) {
        List<Item> items = new java.util.ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            items.add(validated(i, batch.get(i), now));
        }
        toRows(items);
        List<InteractionRow> toInsert = items.stream()
                .filter(item -> item.row != null)
                .map(item -> item.row)
                .toList();
        Set<UUID> inserted = toInsert.isEmpty() ? Set.of() : store.insertNew(toInsert);
        List<InteractionRow> created =
                toInsert.stream().filter(row -> inserted.contains(row.id())).toList();
        stats.add(created);
        events.publishEvent(new InteractionsRecorded(
                created.stream().map(InteractionRow::recorded).toList()));
        Map<String, UUID> existing = inserted.size() == toInsert.size()
                ? Map.of()
                : store.idsByProducerKey(
                        toInsert.stream().map(InteractionRow::source).toList(),
                        toInsert.stream().map(InteractionRow::externalId).toList());
        for (Item item : items) {
            if (item.row != null) {
                item.result = inserted.contains(item.row.id())
                        ? new BatchItemResult(item.index, Status.CREATED, item.row.id(), null)
                        : new BatchItemResult(
                                item.index,
                                Status.DUPLICATE,
                                existing.get(InteractionStore.producerKey(item.row.source(), item.row.externalId())),
                                null);
            }
        }
        return items.stream().map(item -> item.result).toList();
    }

    private Item validated(int index, NewInteraction interaction, Instant now) {
        Item item = new Item(index);
        try {
            item.customerId = scheme.parse(interaction.customerId());
            item.valid = InteractionValidator.validate(interaction, now);
        } catch (InvalidCustomerIdException ex) {
            item.reject(ex.reason().code(), "customerId", ex.getMessage());
        } catch (InvalidInputException ex) {
            FieldViolation first = ex.violations().get(0);
            item.reject(ex.code(), first.field(), first.message());
        }
        return item;
    }

    /**
     * The rows of the valid items of existing customers. A data key is unwrapped only for customers with personal
     * details to encrypt; for the others it is enough to know that they exist, which spares an AES-GCM unwrap per
     * customer.
     */
    private void toRows(List<Item> items) {
        Set<CustomerId> withDetails = new HashSet<>();
        Set<CustomerId> withoutDetails = new HashSet<>();
        for (Item item : items) {
            if (item.pending()) {
                (item.valid.details() == null ? withoutDetails : withDetails).add(item.customerId);
            }
        }
        withoutDetails.removeAll(withDetails);
        Map<CustomerId, DataKey> keys = customerKeys.currentKeys(withDetails);
        Set<CustomerId> known = customerKeys.existing(withoutDetails);
        Set<CustomerId> missing = new HashSet<>();
        for (Item item : items) {
            if (item.pending() && keys.get(item.customerId) == null && !known.contains(item.customerId)) {
                missing.add(item.customerId);
            }
        }
        Set<CustomerId> erased = customerKeys.erased(missing);
        for (Item item : items) {
            if (item.pending()) {
                DataKey key = keys.get(item.customerId);
                if (key == null && erased.contains(item.customerId)) {
                    item.reject("customer-erased", "customerId", "The customer has been erased.");
                } else if (key == null && !known.contains(item.customerId)) {
                    item.reject("customer-not-found", "customerId", "No customer has this ID.");
                } else {
                    item.row = rows.of(item.customerId.value(), item.valid, key);
                }
            }
        }
    }
}
