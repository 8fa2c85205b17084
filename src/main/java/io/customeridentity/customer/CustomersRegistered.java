package io.customeridentity.customer;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * Published, inside the registering transaction, when customers are registered (several at once when registrations
 * share a statement); listeners that write must do so in that transaction.
 */
public record CustomersRegistered(List<CustomerId> customerIds, Instant at) {}
