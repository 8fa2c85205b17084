package io.customeridentity.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of a test JVM, chosen once: Testcontainers when a Docker daemon answers, else a fresh
 * throwaway database on the server at {@code TEST_DATABASE_URL}, else an embedded PostgreSQL.
 * {@code TEST_DB_STRATEGY=testcontainers|external|embedded} forces one.
 */
public final class TestDatabase {

    /** The PostgreSQL image of docker-compose.yml: tests and the containerised stack use the same major version. */
    static final String IMAGE = "postgres:18.1";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");
    private static TestDatabase instance;

    /** How the database is provided. */
    public enum Strategy {
        TESTCONTAINERS,
        EXTERNAL,
        EMBEDDED
    }

    private final Strategy strategy;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final PostgreSQLContainer container;

    private TestDatabase(
            Strategy strategy, String jdbcUrl, String username, String password, PostgreSQLContainer container) {
        this.strategy = strategy;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.container = container;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start(chooseStrategy());
            log.info("Tests use PostgreSQL via {} at {}", instance.strategy, instance.jdbcUrl);
        }
        return instance;
    }

    public Strategy strategy() {
        return strategy;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    PostgreSQLContainer container() {
        return container;
    }

    private static Strategy chooseStrategy() {
        String forced = System.getenv("TEST_DB_STRATEGY");
        if (forced != null && !forced.isBlank()) {
            return Strategy.valueOf(forced.strip().toUpperCase(Locale.ROOT));
        }
        if (dockerAvailable()) {
            return Strategy.TESTCONTAINERS;
        }
        return serverAnswers() ? Strategy.EXTERNAL : Strategy.EMBEDDED;
    }

    private static TestDatabase start(Strategy strategy) {
        return switch (strategy) {
            case TESTCONTAINERS -> startContainer();
            case EXTERNAL -> createThrowawayDatabase();
            case EMBEDDED -> startEmbedded();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static boolean serverAnswers() {
        try (Connection ignored = connect(serverUrl())) {
            return true;
        } catch (SQLException ex) {
            log.info("No PostgreSQL server at {} ({}); falling back to an embedded one", serverUrl(), ex.getMessage());
            return false;
        }
    }

    private static TestDatabase startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new TestDatabase(
                Strategy.TESTCONTAINERS,
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                container);
    }

    private static TestDatabase createThrowawayDatabase() {
        String name = "customer_identity_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        Matcher url = JDBC_URL.matcher(serverUrl());
        if (!url.matches()) {
            throw new IllegalStateException("TEST_DATABASE_URL must look like jdbc:postgresql://host:port/database");
        }
        String params = url.group(3) == null ? "" : url.group(3);
        return new TestDatabase(Strategy.EXTERNAL, url.group(1) + name + params, serverUser(), serverPassword(), null);
    }

    private static TestDatabase startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }));
            return new TestDatabase(
                    Strategy.EMBEDDED, postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, null);
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = connect(serverUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on the test server", ex);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", serverUser());
        if (serverPassword() != null) {
            properties.setProperty("password", serverPassword());
        }
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String serverUrl() {
        return env("TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static String serverUser() {
        return env("TEST_DATABASE_USERNAME", "postgres");
    }

    private static String serverPassword() {
        return System.getenv("TEST_DATABASE_PASSWORD");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
