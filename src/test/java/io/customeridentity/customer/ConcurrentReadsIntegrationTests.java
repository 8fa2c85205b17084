package io.customeridentity.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.identifier.CustomerId;
import io.customeridentity.support.BatcherQueues;
import io.customeridentity.support.IntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads of customers that arrive while others wait for the database share a statement (see {@code StoredVersions}),
 * and each caller still gets its own customer, or its own not-found.
 */
@IntegrationTest
class ConcurrentReadsIntegrationTests {

    /** More than the connection pool holds: unshared, some reads would wait for a connection instead. */
    private static final int READS = 24;

    @Autowired
    CustomerManagement customers;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void answersReadsThatArriveTogetherEachWithItsOwnCustomer() throws Exception {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            CustomerProfile profile =
                    new CustomerProfile("Reader " + i, null, null, "+4420794609" + (10 + i), null, null, null);
            ids.add(customers
                    .register(new NewCustomer(null, profile), "tester", null)
                    .customer()
                    .id());
        }
        CustomerId absent = CustomerId.parse("AC-1234-5678-900");

        DistributionSummary statements = meters.get("customer.identity.batch.size")
                .tag("statement", "lookups")
                .summary();
        long statementsBefore = statements.count();
        double readsBefore = statements.totalAmount();

        List<Future<CustomerDetails>> reads = new ArrayList<>();
        Future<CustomerDetails> absentRead;
        ExecutorService pool = Executors.newFixedThreadPool(READS + 1);
        try (Connection blocker = dataSource.getConnection()) {
            // Holds back every read of customers, so that the reads queue up behind the first ones.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
            for (CustomerId id : ids) {
                reads.add(pool.submit(() -> customers.find(id)));
            }
            absentRead = pool.submit(() -> customers.find(absent));
            BatcherQueues.awaitQueued(this::lockWaiters, READS + 1);
            assertThat(lockWaiters()).as("statements waiting for the lock").isLessThanOrEqualTo(2);
            blocker.rollback();
        } finally {
            pool.shutdown();
        }

        for (int i = 0; i < READS; i++) {
            CustomerDetails read = reads.get(i).get(30, TimeUnit.SECONDS);
            assertThat(read.id()).isEqualTo(ids.get(i));
            assertThat(read.profile().givenName()).isEqualTo("Reader " + i);
        }
        assertThatThrownBy(() -> absentRead.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(CustomerNotFound.class);
        // Two statements held back by the lock, then one for every read queued behind them.
        assertThat(statements.totalAmount() - readsBefore).isEqualTo(READS + 1);
        assertThat(statements.count() - statementsBefore).isLessThanOrEqualTo(3);
    }

    private int lockWaiters() {
        return jdbc.sql("SELECT count(*)::int FROM pg_locks WHERE NOT granted AND relation = 'customers'::regclass")
                .query(Integer.class)
                .single();
    }
}
