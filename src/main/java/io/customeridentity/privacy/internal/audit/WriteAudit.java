package io.customeridentity.privacy.internal.audit;

import io.customeridentity.account.AccountLinked;
import io.customeridentity.account.AccountUnlinked;
import io.customeridentity.customer.CustomersMerged;
import io.customeridentity.customer.CustomersRegistered;
import io.customeridentity.customer.MergeReversed;
import io.customeridentity.customer.ProfileChanged;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.interaction.InteractionsRecorded;
import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.CustomersErased;
import io.customeridentity.privacy.SubjectExported;
import io.customeridentity.resolution.ExternalRefAdded;
import io.customeridentity.resolution.ExternalRefEnded;
import io.customeridentity.shared.security.RequestOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Audits every write in its own transaction, from the records the modules publish inside it (synchronous listeners,
 * as the change feed's outbox): a committed write always has its rows, a rolled-back one never. The outcome is the
 * status of the answer that reports the write's success; a write's row discloses nothing (its answer shows what was
 * written). Refuses to write outside a transaction.
 */
@Component
class WriteAudit {

    static final List<String> EXPORT_SECTIONS = List.of(
            "profileVersions",
            "consentHistory",
            "interactions",
            "accountLinks",
            "externalRefs",
            "merges",
            "accessAudit");

    private final AuditTables tables;
    private final AuditEntries entries;
    private final boolean enabled;

    WriteAudit(AuditTables tables, AuditEntries entries, AuditProperties properties) {
        this.tables = tables;
        this.entries = entries;
        this.enabled = properties.enabled();
    }

    @EventListener
    void on(CustomersRegistered registered) {
        List<AuditEntry> rows = new ArrayList<>(registered.customerIds().size());
        for (int i = 0; i < registered.customerIds().size(); i++) {
            rows.add(entries.of(
                    registered.origins().get(i),
                    registered.at(),
                    "customer.register",
                    registered.customerIds().get(i),
                    201,
                    List.of()));
        }
        write(rows);
    }

    @EventListener
    void on(ProfileChanged changed) {
        write(one(changed.at(), "customer.update", changed.customerId(), 200));
    }

    /** Under both customers: each one's audit shows the merge. */
    @EventListener
    void on(CustomersMerged merged) {
        write(both(merged.at(), "customer.merge", merged.survivor(), merged.merged()));
    }

    @EventListener
    void on(MergeReversed reversed) {
        write(both(reversed.at(), "customer.merge_reversal", reversed.survivor(), reversed.merged()));
    }

    @EventListener
    void on(AccountLinked linked) {
        write(one(linked.at(), "account.link", linked.customerId(), 201));
    }

    @EventListener
    void on(AccountUnlinked unlinked) {
        write(one(unlinked.at(), "account.unlink", unlinked.customerId(), 204));
    }

    @EventListener
    void on(ExternalRefAdded added) {
        write(one(added.at(), "external_ref.map", added.customerId(), 201));
    }

    @EventListener
    void on(ExternalRefEnded ended) {
        write(one(ended.at(), "external_ref.end", ended.customerId(), 204));
    }

    /** One row per interaction stored (a batch's too: the audit answers "which interactions did this caller record"). */
    @EventListener
    void on(InteractionsRecorded recorded) {
        RequestOrigin origin = RequestOrigin.current();
        Instant now = entries.now(); // when it was recorded: the event's time is when the interaction occurred
        write(recorded.interactions().stream()
                .map(interaction ->
                        entries.of(origin, now, "interaction.record", interaction.customerId(), 201, List.of()))
                .toList());
    }

    /** One row per customer of the erased group, also when the erasure is repeated; the reason stays with it. */
    @EventListener
    void on(CustomersErased erased) {
        RequestOrigin origin = RequestOrigin.current();
        write(erased.group().stream()
                .map(id -> entries.of(origin, erased.actor(), erased.erasedAt(), "customer.erase", id, 200, List.of()))
                .toList());
    }

    /** The export shows everything held: its row names the document's sections. */
    @EventListener
    void on(SubjectExported exported) {
        write(List.of(entries.of(
                RequestOrigin.current(),
                exported.actor(),
                exported.at(),
                "customer.export",
                exported.customerId(),
                200,
                EXPORT_SECTIONS)));
    }

    private List<AuditEntry> one(Instant at, String action, CustomerId customer, int outcome) {
        return List.of(entries.of(RequestOrigin.current(), at, action, customer, outcome, List.of()));
    }

    private List<AuditEntry> both(Instant at, String action, CustomerId survivor, CustomerId merged) {
        RequestOrigin origin = RequestOrigin.current();
        return List.of(
                entries.of(origin, at, action, survivor, 200, List.of()),
                entries.of(origin, at, action, merged, 200, List.of()));
    }

    private void write(List<AuditEntry> rows) {
        if (!enabled || rows.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Writes are audited in the transaction of the write");
        }
        tables.append(rows);
    }
}
