package io.customeridentity.events.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on its own database connection (outside the pool) for the heads that any instance's sequencer announces
 * on {@value FeedSequencer#CHANNEL} and hands them to the {@link FeedSignal}, waking long-polling readers. While the
 * connection is down, readers fall back to short waits; it is re-opened with back-off.
 */
@Component
class FeedNotifications implements SmartLifecycle {

    static final String APPLICATION_NAME = "customer-identity feed listener";
    private static final Logger log = LoggerFactory.getLogger(FeedNotifications.class);
    private static final int CHECK_MILLIS = 5_000;

    private final JdbcConnectionDetails database;
    private final FeedSignal signal;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    FeedNotifications(JdbcConnectionDetails database, FeedSignal signal) {
        this.database = database;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "event-feed-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.listening(false);
        if (thread != null) {
            thread.interrupt();
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // closing only to wake the listening thread
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection listening = connect();
                    Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + FeedSequencer.CHANNEL);
                signal.listening(true);
                backoff = 100;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heads = notifications.getNotifications(CHECK_MILLIS);
                    if (heads == null || heads.length == 0) {
                        statement.execute("SELECT 1"); // fails if the connection is gone
                        continue;
                    }
                    for (PGNotification head : heads) {
                        signal.advanced(Long.parseLong(head.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                signal.listening(false);
                if (running) {
                    log.warn("Cannot listen for the event feed ({}); retrying in {} ms", ex.getMessage(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = Math.min(backoff * 2, 5_000);
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties settings = new Properties();
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", APPLICATION_NAME);
        settings.setProperty("connectTimeout", "10");
        settings.setProperty("socketTimeout", "15");
        settings.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getJdbcUrl(), settings);
    }
}
