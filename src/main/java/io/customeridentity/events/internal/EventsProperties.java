package io.customeridentity.events.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed: whether events are written at all (always, but to measure what the outbox costs), whether
 * interactions are events too (high volume, off by default), how long events are kept, the
 * CloudEvents {@code source}, how often the sequencer looks for committed events when no local commit woke it, and
 * the relay to RabbitMQ.
 */
@ConfigurationProperties("customer-identity.events")
record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("false") boolean interactions,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("/customer-identity") String source,
        @DefaultValue("100ms") Duration sequencerInterval,
        @DefaultValue RabbitMq rabbitmq) {

    /**
     * The relay: off unless enabled; the durable topic exchange it publishes to, how many events it publishes before
     * waiting for the broker's confirms, and how long it waits at most for new events between looks.
     */
    record RabbitMq(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("customer-identity.events") String exchange,
            @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration interval) {}
}
