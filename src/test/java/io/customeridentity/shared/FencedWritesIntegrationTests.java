package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A write whose connection breaks is answered by what the database did, in the three ways a connection can break
 * under a write: after the commit (success), before the statement ran (failure), and while the server still runs the
 * statement for a client that has gone (failure, and the statement never commits afterwards).
 */
@IntegrationTest
class FencedWritesIntegrationTests {

    @Autowired
    FencedWrites fenced;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final SingleConnectionDataSource adminConnection = new SingleConnectionDataSource(
            TestDatabase.get().jdbcUrl(),
            TestDatabase.get().username(),
            TestDatabase.get().password(),
            true);
    private final JdbcClient admin = JdbcClient.create(adminConnection);

    @BeforeEach
    void createTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS fenced_write_probes (id text PRIMARY KEY)")
                .update();
    }

    @AfterEach
    void closeAdminConnection() {
        adminConnection.destroy();
    }

    @Test
    void answersSuccessWhenTheConnectionBrokeAfterTheCommit() {
        String id = UUID.randomUUID().toString();

        fenced.run(
                () -> {
                    insert(id);
                    terminate(backendOfTheWrite());
                    jdbc.sql("SELECT 1").query(Integer.class).single();
                },
                () -> stored(id));

        assertThat(stored(id)).isTrue();
    }

    @Test
    void answersTheFailureWhenTheConnectionBrokeBeforeTheStatement() {
        String id = UUID.randomUUID().toString();

        assertThatThrownBy(() -> fenced.run(
                        () -> {
                            terminate(backendOfTheWrite());
                            insert(id);
                        },
                        () -> stored(id)))
                .matches(DatabaseFailures::isUnavailable);

        assertThat(stored(id)).isFalse();
    }

    @Test
    void endsAStatementTheServerStillRunsForAGoneClientBeforeAnsweringTheFailure() throws Exception {
        String id = UUID.randomUUID().toString();
        long lock = UUID.randomUUID().getMostSignificantBits();
        admin.sql("SELECT pg_advisory_lock(:lock)").param("lock", lock).query().listOfRows();
        try {
            assertThatThrownBy(() -> fenced.run(
                            () -> {
                                Connection connection = DataSourceUtils.getConnection(dataSource);
                                // The client goes away while the statement waits for the test's lock.
                                CompletableFuture.runAsync(
                                        () -> abortOnceWaiting(connection),
                                        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
                                jdbc.sql("INSERT INTO fenced_write_probes SELECT :id FROM pg_advisory_xact_lock(:lock)")
                                        .param("id", id)
                                        .param("lock", lock)
                                        .update();
                            },
                            () -> stored(id)))
                    .matches(DatabaseFailures::isUnavailable);
        } finally {
            admin.sql("SELECT pg_advisory_unlock(:lock)")
                    .param("lock", lock)
                    .query()
                    .listOfRows();
        }
        Thread.sleep(500);

        assertThat(stored(id)).as("stored after the failure was answered").isFalse();
    }

    private void insert(String id) {
        jdbc.sql("INSERT INTO fenced_write_probes VALUES (:id)").param("id", id).update();
    }

    private boolean stored(String id) {
        return admin.sql("SELECT count(*) FROM fenced_write_probes WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private int backendOfTheWrite() {
        try {
            return DataSourceUtils.getConnection(dataSource)
                    .unwrap(PGConnection.class)
                    .getBackendPID();
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void terminate(int backend) {
        admin.sql("SELECT pg_terminate_backend(:pid, 5000)")
                .param("pid", backend)
                .query()
                .listOfRows();
    }

    private static void abortOnceWaiting(Connection connection) {
        try {
            connection.abort(Executors.newSingleThreadExecutor());
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
