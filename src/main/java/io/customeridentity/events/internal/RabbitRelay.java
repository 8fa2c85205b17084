package io.customeridentity.events.internal;

import io.customeridentity.events.CloudEvent;
import io.customeridentity.events.FeedEvent;
import io.customeridentity.shared.BackgroundLoop;
import io.customeridentity.shared.DedicatedConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the feed, in feed order, to a durable RabbitMQ topic exchange: the CloudEvents JSON of the pull feed,
 * routing key = event type, message id = event id, persistent, and after each batch waits for the broker's publisher
 * confirms before recording the batch's last position as confirmed. At least once: after a failure it publishes again
 * from the last confirmed position, so a consumer deduplicates by message id. One instance relays at a time: the one
 * holding a session-level advisory lock on its own connection; when it stops (or its connection drops) another
 * instance takes over within an interval. Spring AMQP, not Spring Modulith's externalization, which promises no order.
 * Off unless {@code customer-identity.events.rabbitmq.enabled}: checked when it starts, not by a bean condition, which
 * Spring AOT would fix at build time.
 */
@Component
class RabbitRelay extends BackgroundLoop {

    static final String APPLICATION_NAME = "customer-identity event relay";
    private static final Logger log = LoggerFactory.getLogger(RabbitRelay.class);
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final RabbitTemplate rabbit;
    private final FeedQueries queries;
    private final FeedSignal signal;
    private final RelayProgress progress;
    private final JdbcConnectionDetails database;
    private final JsonMapper json;
    private final EventsProperties properties;
    private volatile boolean relaying;

    RabbitRelay(
            RabbitTemplate rabbit,
            FeedQueries queries,
            FeedSignal signal,
            RelayProgress progress,
            JdbcConnectionDetails database,
            JsonMapper json,
            EventsProperties properties) {
        super("event-relay");
        this.rabbit = rabbit;
        this.queries = queries;
        this.signal = signal;
        this.progress = progress;
        this.database = database;
        this.json = json;
        this.properties = properties;
    }

    /** Whether this instance is the one relaying now. */
    boolean relaying() {
        return relaying;
    }

    @Override
    protected boolean enabled() {
        return properties.rabbitmq().enabled();
    }

    /** The batch in flight gets its confirms (or fails) before the application goes on stopping. */
    @Override
    protected Duration stopWait() {
        return STOP_WAIT;
    }

    /** Leads (waiting for the lock on a connection of its own), then relays until the connection or a round fails. */
    @Override
    protected void round() throws SQLException {
        try (Connection leadership = connect()) {
            while (running() && !tryLead(leadership)) {
                pause(properties.rabbitmq().interval().toMillis());
            }
            if (!running()) {
                return;
            }
            relaying = true;
            log.info("Relaying the change feed to RabbitMQ exchange {}", exchange());
            relay(leadership);
        } finally {
            relaying = false;
        }
    }

    @Override
    protected String whenFailing() {
        return "Event relay paused";
    }

    /** While this instance leads: publish what follows the last confirmed position, wait for more, repeat. */
    private void relay(Connection leadership) throws SQLException {
        long last = progress.lastConfirmed(exchange());
        long brokerBackoff = 100;
        boolean declared = false;
        while (running()) {
            if (!leadership.isValid(2)) {
                throw new SQLException("lost the relay's lock connection");
            }
            FeedQueries.Page page = queries.after(last, properties.rabbitmq().batchSize(), null);
            if (page.events().isEmpty()) {
                awaitEvents(page.head());
                continue;
            }
            try {
                if (!declared) {
                    declareExchange();
                    declared = true;
                }
                publish(page.events());
                brokerBackoff = 100;
            } catch (AmqpException ex) {
                log.warn("RabbitMQ unavailable ({}); retrying in {} ms", ex.getMessage(), brokerBackoff);
                pause(brokerBackoff);
                brokerBackoff = Math.min(brokerBackoff * 2, MAX_BACKOFF_MILLIS);
                continue; // again from the last confirmed position
            }
            last = page.events().get(page.events().size() - 1).position();
            progress.confirmed(exchange(), last);
        }
    }

    private void publish(List<FeedEvent> events) {
        rabbit.invoke(operations -> {
            for (FeedEvent event : events) {
                operations.send(exchange(), event.type(), message(event));
            }
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
            return null;
        });
    }

    private Message message(FeedEvent event) {
        return MessageBuilder.withBody(json.writeValueAsBytes(CloudEvent.of(event, properties.source())))
                .setContentType("application/cloudevents+json")
                .setContentEncoding("UTF-8")
                .setMessageId(event.id().toString())
                .setType(event.type())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .build();
    }

    private void declareExchange() {
        rabbit.execute(channel -> channel.exchangeDeclare(exchange(), "topic", true));
    }

    private void awaitEvents(long head) {
        try {
            signal.awaitBeyond(head, properties.rabbitmq().interval());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt(); // the application stops: running() is false already
        }
    }

    private boolean tryLead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet locked =
                        statement.executeQuery("SELECT pg_try_advisory_lock(" + EventTables.FEED_LOCKS + ", 1)")) {
            locked.next();
            return locked.getBoolean(1);
        }
    }

    private String exchange() {
        return properties.rabbitmq().exchange();
    }

    private Connection connect() throws SQLException {
        return DedicatedConnection.open(database, APPLICATION_NAME, CONNECT_TIMEOUT, null);
    }
}
