package io.customeridentity.events.internal;

import io.customeridentity.shared.NotificationListener;
import java.time.Duration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Listens on its own database connection (outside the pool) for the heads that any instance's sequencer announces
 * on {@value FeedSequencer#CHANNEL} and hands them to the {@link FeedSignal}, waking long-polling readers. While the
 * connection is down, readers fall back to short waits; it is re-opened with back-off.
 */
@Component
class FeedNotifications extends NotificationListener {

    static final String APPLICATION_NAME = "customer-identity feed listener";
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    private final FeedSignal signal;

    FeedNotifications(JdbcConnectionDetails database, FeedSignal signal) {
        super("event-feed-listener", database, FeedSequencer.CHANNEL, APPLICATION_NAME);
        this.signal = signal;
    }

    @Override
    protected Duration checkInterval() {
        return CHECK_INTERVAL;
    }

    @Override
    protected void listening() {
        signal.listening(true);
    }

    @Override
    protected void received(String head) {
        signal.advanced(Long.parseLong(head));
    }

    @Override
    protected String whenFailing() {
        return "Cannot listen for the event feed";
    }

    @Override
    protected void failed() {
        signal.listening(false);
    }

    @Override
    protected void wake() {
        signal.listening(false);
        super.wake();
    }
}
