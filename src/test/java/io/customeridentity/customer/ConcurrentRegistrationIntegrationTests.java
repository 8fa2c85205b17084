package io.customeridentity.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.CustomerIdentityApplication;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.BatcherQueues;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestDatabaseConfiguration;
import io.customeridentity.support.TestTokens;
import io.customeridentity.support.wire.WireRecorder;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Several service instances on one database never issue the same ID, and registrations that arrive together (written
 * in shared statements, see {@code Registrations}) each land with their own profile and blind indexes.
 */
@IntegrationTest
class ConcurrentRegistrationIntegrationTests {

    private static final int CREATES = 500;

    /** The test database is shared by the suite's classes: e-mails unique to this run. */
    private static final long RUN = System.nanoTime();

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CustomerMatching matching;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesDistinctValidIdsAndKeepsEachProfileUnderConcurrentCreatesFromTwoInstances() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(
                        CustomerIdentityApplication.class, TestDatabaseConfiguration.class)
                .profiles("test")
                .properties("server.port=0")
                .run()) {
            int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            List<RestClient> instances = List.of(clientFor(port), clientFor(secondPort));

            List<Future<String>> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                for (int i = 0; i < CREATES; i++) {
                    RestClient instance = instances.get(i % 2);
                    int n = i;
                    results.add(pool.submit(() -> create(instance, n)));
                }
            } finally {
                pool.shutdown();
            }

            Set<String> ids = new HashSet<>();
            for (int n = 0; n < CREATES; n++) {
                String id = results.get(n).get();
                CustomerId parsed = CustomerId.parse(id);
                assertThat(parsed.value()).isEqualTo(id);
                ids.add(id);
                assertThat(customers.find(parsed).profile().givenName()).isEqualTo("Concurrent " + n);
                assertThat(matching.byEmail(emailOf(n))).containsExactly(parsed);
            }
            assertThat(ids).hasSize(CREATES);
        }
    }

    @Test
    void writesRegistrationsThatArriveTogetherInOneTransactionEachWithItsOwnProfile() throws Exception {
        int count = 20;
        List<Future<CustomerDetails>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try (Connection blocker = dataSource.getConnection()) {
            // Holds back every insert into customers, so that the registrations queue up behind the first ones.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE customers IN SHARE MODE");
            for (int i = 0; i < count; i++) {
                CustomerProfile profile =
                        new CustomerProfile("Together " + i, null, emailOf(1000 + i), null, null, null, null);
                results.add(pool.submit(() -> customers
                        .register(new NewCustomer(null, profile), "tester", null)
                        .customer()));
            }
            BatcherQueues.awaitQueued(this::lockWaiters, count);
            blocker.rollback();
        } finally {
            pool.shutdown();
        }

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CustomerDetails created = results.get(i).get(30, TimeUnit.SECONDS);
            ids.add(created.id().value());
            CustomerDetails read = customers.find(created.id());
            assertThat(read.profile().givenName()).isEqualTo("Together " + i);
            assertThat(read.createdAt()).isEqualTo(created.createdAt());
            assertThat(matching.byEmail(emailOf(1000 + i))).containsExactly(created.id());
        }
        Integer transactions = jdbc.sql("SELECT count(DISTINCT xmin::text)::int FROM customers WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single();
        assertThat(transactions).isLessThan(count);
    }

    private int lockWaiters() {
        return jdbc.sql("SELECT count(*)::int FROM pg_locks WHERE NOT granted AND relation = 'customers'::regclass")
                .query(Integer.class)
                .single();
    }

    private static RestClient clientFor(int port) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.readWrite())
                .requestInterceptor(WireRecorder.interceptor())
                .build();
    }

    private static String create(RestClient instance, int n) {
        CreatedId created = instance.post()
                .uri("/api/v1/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"givenName\": \"Concurrent " + n + "\", \"email\": \"" + emailOf(n) + "\"}")
                .retrieve()
                .body(CreatedId.class);
        return created.id();
    }

    private static String emailOf(int n) {
        return "concurrent." + n + "." + RUN + "@example.org";
    }

    record CreatedId(String id) {}
}
