package io.customeridentity.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.CustomerIdentityApplication;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One instance of the service for the fault tests of a test JVM, connected to the test database through a
 * {@link TcpProxy} the tests cut and restore, with a connection name of its own so that tests can find (and
 * terminate) its connections, and without the customer cache, so that every read goes to the database. Started on
 * first use, closed when the JVM ends; each test leaves the proxy restored.
 */
public final class ProxiedService {

    private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
    private static ProxiedService instance;

    private final TcpProxy proxy;
    private final ConfigurableApplicationContext context;
    private final String applicationName = "fault-test-" + UUID.randomUUID();
    private final JdbcClient admin;
    private final Http http;

    private ProxiedService() {
        TestDatabase database = TestDatabase.get();
        Matcher hostPort = HOST_PORT.matcher(database.jdbcUrl());
        assertThat(hostPort.find()).as(database.jdbcUrl()).isTrue();
        proxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        String proxied = hostPort.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
        context = new SpringApplicationBuilder(CustomerIdentityApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + proxied,
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + (database.password() == null ? "" : database.password()),
                        "spring.datasource.hikari.data-source-properties.ApplicationName=" + applicationName,
                        "customer-identity.cache.customers.max-size=0")
                .run();
        http = new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        admin = JdbcClient.create(
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }

    public static synchronized ProxiedService get() {
        if (instance == null) {
            instance = new ProxiedService();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance;
    }

    public Http http() {
        return http;
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** The name the service's pooled connections carry in {@code pg_stat_activity}. */
    public String applicationName() {
        return applicationName;
    }

    /** A connection of the test's own, straight to the test database (not through the proxy). */
    public JdbcClient admin() {
        return admin;
    }

    /** Terminates every database connection of the service; how many there were. */
    public int terminateConnections() {
        return admin.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name")
                .param("name", applicationName)
                .query()
                .listOfRows()
                .size();
    }

    /** Waits until readiness answers 200 again (the service recovers by itself). */
    public void awaitReady(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (http.send("GET", "/actuator/health/readiness", null, null).statusCode() != 200) {
            assertThat(System.nanoTime()).as("ready again within %s", patience).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void close() {
        context.close();
        proxy.close();
    }
}
