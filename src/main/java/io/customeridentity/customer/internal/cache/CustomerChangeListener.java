package io.customeridentity.customer.internal.cache;

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
 * Listens on its own database connection (outside the pool) for the customer changes that any instance commits
 * (channel {@value #CHANNEL}, sent by a trigger on customers) and evicts them from the {@link CustomerCache}. The
 * cache serves only while this connection is known to be up; the connection is checked whenever nothing arrived for
 * the health-check interval, and re-opened with back-off when it fails.
 */
@Component
class CustomerChangeListener implements SmartLifecycle {

    static final String CHANNEL = "customer_changed";
    static final String APPLICATION_NAME = "customer-identity cache listener";

    private static final Logger log = LoggerFactory.getLogger(CustomerChangeListener.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final JdbcConnectionDetails database;
    private final CustomerCache cache;
    private final CacheProperties properties;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    CustomerChangeListener(JdbcConnectionDetails database, CustomerCache cache, CacheProperties properties) {
        this.database = database;
        this.cache = cache;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "customer-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        cache.close();
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
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
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    cache.open();
                    log.info("Listening for customer changes; the customer cache is on");
                    backoff = 100;
                    receive(listening.unwrap(PGConnection.class), statement);
                }
            } catch (SQLException | RuntimeException ex) {
                cache.close();
                if (running) {
                    log.warn(
                            "Cannot listen for customer changes ({}); customer cache off, retrying in {} ms",
                            ex.getMessage(),
                            backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            }
        }
        cache.close();
    }

    private void receive(PGConnection notifications, Statement statement) throws SQLException {
        int waitMillis = (int) properties.healthCheckInterval().toMillis();
        while (running) {
            PGNotification[] changes = notifications.getNotifications(waitMillis);
            if (changes == null || changes.length == 0) {
                statement.execute("SELECT 1"); // fails if the connection is gone
                continue;
            }
            for (PGNotification change : changes) {
                cache.evict(change.getParameter());
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
        long checkSeconds = Math.max(1, properties.healthCheckInterval().toSeconds());
        settings.setProperty("ApplicationName", APPLICATION_NAME);
        settings.setProperty("connectTimeout", Long.toString(checkSeconds * 2));
        settings.setProperty("socketTimeout", Long.toString(checkSeconds * 3));
        settings.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getJdbcUrl(), settings);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing only to wake the listening thread
        }
    }
}
