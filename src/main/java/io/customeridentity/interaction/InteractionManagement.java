package io.customeridentity.interaction;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/** Records interactions and reads the timeline. */
public interface InteractionManagement {

    int MAX_BATCH = 1000;
    int MAX_PAGE_SIZE = 200;

    /** Records one interaction for the customer; the existing one when its (source, externalId) is known. */
    Recorded record(CustomerId customerId, NewInteraction interaction);

    /** Records up to {@link #MAX_BATCH} independent items, each with its own customer ID. */
    List<BatchItemResult> recordBatch(List<NewInteraction> items);

    /** One page of the customer's timeline, newest first. */
    List<Interaction> timeline(CustomerId customerId, TimelineQuery query);

    InteractionSummary summary(CustomerId customerId);

    /** Active customers with no interaction since the instant, by customer ID, after {@code after} (if given). */
    List<InactiveCustomer> inactiveSince(Instant since, String prefix, CustomerId after, int limit);
}
