package io.customeridentity.events;

import java.util.List;

/** The feed's event types (CloudEvents {@code type}; also the RabbitMQ routing key). */
public final class EventTypes {

    public static final String CUSTOMER_REGISTERED = "customer.registered";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String CUSTOMER_MERGED = "customer.merged";
    public static final String CUSTOMER_MERGE_REVERSED = "customer.merge_reversed";
    public static final String ACCOUNT_LINKED = "account.linked";
    public static final String ACCOUNT_UNLINKED = "account.unlinked";
    public static final String EXTERNAL_REF_LINKED = "external_ref.linked";
    public static final String EXTERNAL_REF_ENDED = "external_ref.ended";
    public static final String INTERACTION_RECORDED = "interaction.recorded";
    public static final String CUSTOMER_ERASED = "customer.erased";

    public static final List<String> ALL = List.of(
            CUSTOMER_REGISTERED,
            CUSTOMER_UPDATED,
            CUSTOMER_MERGED,
            CUSTOMER_MERGE_REVERSED,
            ACCOUNT_LINKED,
            ACCOUNT_UNLINKED,
            EXTERNAL_REF_LINKED,
            EXTERNAL_REF_ENDED,
            INTERACTION_RECORDED,
            CUSTOMER_ERASED);

    private EventTypes() {}
}
