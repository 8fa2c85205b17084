package io.customeridentity.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a write that commits on its own (one statement in autocommit) and, when the database connection breaks under
 * it, finds out whether it committed before answering. A broken connection does not say: the commit may have
 * happened just before the break (a connection terminated right after its commit), or may still happen (the proxy or
 * network dropped the connection while the server was running the statement, and the server goes on to commit). So
 * the server process that ran the write is first made to end (it is terminated if it still runs), after which its
 * outcome is final, and then the caller's check tells whether the rows are there. A write that failed this way thus
 * answers success when its rows are committed, failure only when they are not and never can be.
 *
 * <p>When the database stays unreachable for longer than {@link #SETTLE} the outcome cannot be known: the original
 * failure (a 503) is thrown, and the rows may exist. Only a request with an idempotency key is safe to retry then.
 * Ending the process needs no privilege beyond the service's own role: PostgreSQL lets a role end its own sessions.
 */
@Component
public class FencedWrites {

    /** How long a caller keeps trying to settle an outcome after its connection broke. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(FencedWrites.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    FencedWrites(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code write} on one pooled connection, outside any transaction.
     *
     * @param committed whether the write's rows are in the database; asked only after a failure, on another connection
     */
    public void run(Runnable write, BooleanSupplier committed) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        int backend;
        RuntimeException failure;
        try {
            backend = connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException ex) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new CannotGetJdbcConnectionException("Not a PostgreSQL connection", ex);
        }
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
        try {
            write.run();
            return;
        } catch (RuntimeException ex) {
            // A statement the database refused or cancelled (its timeout) on a connection that still works has not
            // committed: autocommit rolled it back.
            if (!DatabaseFailures.isUnavailable(ex) || stillWorks(connection)) {
                throw ex;
            }
            failure = ex;
        } finally {
            TransactionSynchronizationManager.unbindResource(dataSource);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        if (!committedAfterAll(backend, committed)) {
            throw failure;
        }
        log.info("A write whose connection broke had committed; answered as a success");
    }

    /** True if the write committed, false if it did not; an unknown outcome is false, with a warning. */
    private boolean committedAfterAll(int backend, BooleanSupplier committed) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        RuntimeException last = null;
        do {
            try {
                if (ended(backend)) {
                    return committed.getAsBoolean();
                }
            } catch (RuntimeException ex) {
                if (!DatabaseFailures.isUnavailable(ex)) {
                    // e.g. a database role that may not end its own server processes: the outcome stays unknown
                    log.warn("The outcome of a write whose connection broke cannot be settled", ex);
                    return false;
                }
                last = ex;
            }
        } while (pause() && System.nanoTime() < deadline);
        log.warn(
                "The outcome of a write whose connection broke is unknown: the database was unreachable for {} s ({})",
                SETTLE.toSeconds(),
                last == null ? "its server process did not end" : last.getMessage());
        return false;
    }

    /** Whether the server process is gone, terminating it first if it is still there (waiting up to 2 s for it). */
    private boolean ended(int backend) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = :pid)
                            OR pg_terminate_backend(:pid, 2000)""").param("pid", backend).query(Boolean.class).single();
    }

    private static boolean stillWorks(Connection connection) {
        try {
            return connection.isValid(1);
        } catch (SQLException ex) {
            return false;
        }
    }

    /** False when interrupted: the caller stops trying. */
    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
