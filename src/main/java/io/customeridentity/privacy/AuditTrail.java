package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.util.Collection;
import java.util.List;

/**
 * The audit trail: who did what to which customer and who read whose personal data. Writes are recorded by the
 * trail itself, from the events published inside their transactions; reads are handed to it before their answer
 * leaves ({@link #recordRead}) and written shortly after, in batches.
 */
public interface AuditTrail {

    /** Longest page of {@link #ofCustomer} and {@link #ofCallers}. */
    int MAX_PAGE_SIZE = 200;

    /**
     * Records a read by the current request: one entry per customer, or one without a customer when there is none
     * (a look-up that matched nobody). Returns once the entries are queued, at once unless the queue is full.
     *
     * @throws AuditUnavailable when the queue stayed full for the configured wait: the read must not be answered
     */
    void recordRead(String action, Collection<CustomerId> customers, int outcome, List<String> disclosed);

    /**
     * The entries of the person the ID resolves to, newest first: the customer's own and those of every customer
     * merged into it (the query's {@code actor} and {@code client} are ignored).
     *
     * @throws io.customeridentity.customer.CustomerNotFound when no customer has the ID
     */
    List<AuditEntry> ofCustomer(CustomerId id, AuditQuery query);

    /** The entries of every customer, newest first, by the query's caller, action and time filters. */
    List<AuditEntry> ofCallers(AuditQuery query);
}
