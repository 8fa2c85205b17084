package io.customeridentity.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (unreachable, its connections terminated, no connection free within the
 * pool's timeout or a shared statement within its queue's, a statement cancelled by its timeout) from a bug: the first is a 503 the caller may retry, the
 * second a 500.
 */
public final class DatabaseFailures {

    /**
     * SQLSTATE classes and codes of a database that is away or overloaded: 08 connection exception, 53 insufficient
     * resources, 57P01-57P03 shutdown or not accepting connections, 57014 statement cancelled (our timeout).
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014");

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    // waited in a queue for a shared statement as long as it would for a pooled connection
                    || cause instanceof Batcher.QueueTimeout
                    // commit or rollback failed against the connection: it broke under the transaction
                    || cause instanceof org.hibernate.TransactionException) {
                return true;
            }
            // The rollback after a broken statement failed too: the statement's own failure says what happened, and a
            // commit or rollback that fails with a JDBC error failed against the connection.
            if (cause instanceof TransactionSystemException transaction
                    && ((transaction.getApplicationException() != null
                                    && isUnavailable(transaction.getApplicationException()))
                            || transaction.getCause() instanceof SQLException)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
