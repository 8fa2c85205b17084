package io.customeridentity.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Listens on a PostgreSQL channel on its own connection (outside the pool, named by its application name in
 * {@code pg_stat_activity}) and hands each notification's payload to {@link #received}. The connection is checked
 * whenever nothing arrived for {@link #checkInterval()}, and re-opened with back-off when it fails.
 */
public abstract class NotificationListener extends BackgroundLoop {

    private final JdbcConnectionDetails database;
    private final String channel;
    private final String applicationName;
    private volatile Connection connection;

    protected NotificationListener(
            String threadName, JdbcConnectionDetails database, String channel, String applicationName) {
        super(threadName);
        this.database = database;
        this.channel = channel;
        this.applicationName = applicationName;
    }

    /** How long to wait for notifications before checking that the connection still works. */
    protected abstract Duration checkInterval();

    /** One notification's payload. */
    protected abstract void received(String payload);

    /** The channel is being listened to: from now on no notification is missed until {@link #failed()}. */
    protected void listening() {}

    @Override
    protected final void round() throws SQLException {
        try (Connection listening = connect();
                Statement statement = listening.createStatement()) {
            connection = listening;
            statement.execute("LISTEN " + channel);
            listening();
            healthy();
            PGConnection notifications = listening.unwrap(PGConnection.class);
            int waitMillis = (int) checkInterval().toMillis();
            while (running()) {
                PGNotification[] arrived = notifications.getNotifications(waitMillis);
                if (arrived == null || arrived.length == 0) {
                    statement.execute("SELECT 1"); // fails if the connection is gone
                    continue;
                }
                for (PGNotification notification : arrived) {
                    received(notification.getParameter());
                }
            }
        }
    }

    /** Closing the connection wakes a round blocked waiting for notifications. */
    @Override
    protected void wake() {
        Connection open = connection;
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (SQLException ignored) {
            // closing only to wake the listening thread
        }
    }

    private Connection connect() throws SQLException {
        long checkSeconds = Math.max(1, checkInterval().toSeconds());
        return DedicatedConnection.open(
                database, applicationName, Duration.ofSeconds(checkSeconds * 2), Duration.ofSeconds(checkSeconds * 3));
    }
}
