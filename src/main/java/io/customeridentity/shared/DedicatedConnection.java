package io.customeridentity.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A database connection outside the pool, for a background worker that holds it for long (a LISTEN, a session
 * lock): named by its application name in {@code pg_stat_activity}, with TCP keep-alive and bounded waits.
 */
public final class DedicatedConnection {

    private DedicatedConnection() {}

    /**
     * @param socketTimeout how long a read may block; {@code null} for no limit (a session that waits on purpose)
     */
    public static Connection open(
            JdbcConnectionDetails database, String applicationName, Duration connectTimeout, Duration socketTimeout)
            throws SQLException {
        Properties settings = new Properties();
        if (database.getUsername() != null) {
            settings.setProperty("user", database.getUsername());
        }
        if (database.getPassword() != null) {
            settings.setProperty("password", database.getPassword());
        }
        settings.setProperty("ApplicationName", applicationName);
        settings.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        if (socketTimeout != null) {
            settings.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        }
        settings.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(database.getJdbcUrl(), settings);
    }
}
