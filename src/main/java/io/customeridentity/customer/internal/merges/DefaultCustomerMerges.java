package io.customeridentity.customer.internal.merges;

import io.customeridentity.customer.CustomerErased;
import io.customeridentity.customer.CustomerMerge;
import io.customeridentity.customer.CustomerMerges;
import io.customeridentity.customer.CustomerNotFound;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.CustomersMerged;
import io.customeridentity.customer.MergeConflict;
import io.customeridentity.customer.MergeNotFound;
import io.customeridentity.customer.MergeReversed;
import io.customeridentity.customer.Resolved;
import io.customeridentity.customer.VersionConflict;
import io.customeridentity.customer.internal.cache.CustomerCache;
import io.customeridentity.customer.internal.store.CustomerTables;
import io.customeridentity.identifier.CustomerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges as append-only history rows plus the customers' status. Both customers' rows are locked (in ID order) before
 * their states are checked, so of two concurrent merges of the same pair exactly one succeeds.
 */
@Service
class DefaultCustomerMerges implements CustomerMerges {

    private final JdbcClient jdbc;
    private final MergeQueries queries;
    private final CustomerCache cache;
    private final CustomerTables tables;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultCustomerMerges(
            JdbcClient jdbc,
            MergeQueries queries,
            CustomerCache cache,
            CustomerTables tables,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.cache = cache;
        this.tables = tables;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CustomerMerge merge(
            CustomerId survivor, int expectedVersion, CustomerId merged, String reason, String actor) {
        if (survivor.equals(merged)) {
            throw new MergeConflict("A customer cannot be merged into itself.");
        }
        Map<String, Locked> locked = lock(survivor, merged);
        Locked into = locked.get(survivor.value());
        Locked from = locked.get(merged.value());
        refuseErased(into, from);
        if (into.version() != expectedVersion) {
            throw VersionConflict.expected(expectedVersion, into.version());
        }
        if (into.status() != CustomerStatus.ACTIVE) {
            throw new MergeConflict("The survivor " + survivor.value() + " is " + into.status()
                    + "; merge into the customer it resolves to.");
        }
        if (from.status() != CustomerStatus.ACTIVE) {
            throw new MergeConflict("Customer " + merged.value() + " is " + from.status() + " already.");
        }
        UUID mergeId = UUID.randomUUID();
        Instant now = now();
        jdbc.sql("""
                        WITH merge AS (
                            INSERT INTO customer_merges (merge_id, survivor_id, merged_id, merged_at, merged_by)
                            VALUES (:id, :survivor, :merged, :at, :by)
                        )
                        INSERT INTO customer_merge_reasons (merge_id, kind, reason) VALUES (:id, 'MERGE', :reason)""")
                .param("id", mergeId)
                .param("survivor", survivor.value())
                .param("merged", merged.value())
                .param("at", Timestamp.from(now))
                .param("by", actor)
                .param("reason", reason)
                .update();
        setStatus(merged, CustomerStatus.MERGED);
        events.publishEvent(new CustomersMerged(mergeId, survivor, merged, now));
        return new CustomerMerge(mergeId, survivor, merged, now, actor, reason, null);
    }

    @Override
    @Transactional
    public CustomerMerge reverse(CustomerId survivor, UUID mergeId, String reason, String actor) {
        CustomerMerge merge = queries.merge(mergeId)
                .filter(found -> found.survivorId().equals(survivor))
                .orElseThrow(() -> new MergeNotFound(mergeId));
        Map<String, Locked> locked = lock(merge.survivorId(), merge.mergedCustomerId());
        refuseErased(locked.values().toArray(Locked[]::new));
        Instant now = now();
        int reversed = jdbc.sql("""
                        INSERT INTO customer_merge_reversals (merge_id, reversed_at, reversed_by)
                        VALUES (:id, :at, :by) ON CONFLICT (merge_id) DO NOTHING""")
                .param("id", mergeId)
                .param("at", Timestamp.from(now))
                .param("by", actor)
                .update();
        if (reversed == 0) {
            throw new MergeConflict("The merge " + mergeId + " was reversed already.");
        }
        if (reason != null) {
            jdbc.sql("INSERT INTO customer_merge_reasons (merge_id, kind, reason) VALUES (:id, 'REVERSAL', :reason)")
                    .param("id", mergeId)
                    .param("reason", reason)
                    .update();
        }
        setStatus(merge.mergedCustomerId(), CustomerStatus.ACTIVE);
        events.publishEvent(new MergeReversed(mergeId, merge.survivorId(), merge.mergedCustomerId(), now));
        return new CustomerMerge(
                mergeId, merge.survivorId(), merge.mergedCustomerId(), merge.at(), merge.by(), merge.reason(), now);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerMerge> mergesOf(CustomerId id) {
        if (queries.survivorOf(id.value()).isEmpty()) {
            throw CustomerNotFound.forId(id);
        }
        return queries.mergesOf(id.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Resolved> survivorOf(CustomerId id) {
        return queries.survivorOf(id.value()).map(end -> new Resolved(CustomerId.parse(end.id()), end.status()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerId> groupOf(CustomerId survivor) {
        List<CustomerId> group = queries.groupOf(survivor.value()).stream()
                .map(CustomerId::parse)
                .toList();
        if (group.isEmpty()) {
            throw CustomerNotFound.forId(survivor);
        }
        return group;
    }

    private record Locked(String id, CustomerStatus status, int version) {}

    private Map<String, Locked> lock(CustomerId first, CustomerId second) {
        Map<String, Locked> rows = jdbc
                .sql("""
                        SELECT id, status, current_version FROM customers WHERE id IN (:a, :b) ORDER BY id FOR UPDATE""")
                .param("a", first.value())
                .param("b", second.value())
                .query((rs, n) -> new Locked(rs.getString(1), CustomerStatus.valueOf(rs.getString(2)), rs.getInt(3)))
                .list()
                .stream()
                .collect(Collectors.toMap(Locked::id, row -> row));
        for (CustomerId id : List.of(first, second)) {
            if (!rows.containsKey(id.value())) {
                throw CustomerNotFound.forId(id);
            }
        }
        return rows;
    }

    /** An erased customer takes part in no merge and no reversal (its merge group was erased with it). */
    private static void refuseErased(Locked... customers) {
        for (Locked customer : customers) {
            if (customer.status() == CustomerStatus.ERASED) {
                throw CustomerErased.forId(CustomerId.parse(customer.id()));
            }
        }
    }

    private void setStatus(CustomerId id, CustomerStatus status) {
        tables.setStatus(id.value(), status);
        cache.evictAfterCommit(id.value());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
