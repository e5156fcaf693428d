package dev.dingus.platform.events.consumer;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a handler failed because a store it needs (PostgreSQL, Redis) could not be reached, rather than because
 * of the event or the handler. Such a failure says nothing about the event: it will be handled once the store is
 * back.
 */
final class Outages {
    private Outages() {}

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // no connection: JDBC (08xxx), Redis
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException // no connection to begin the transaction with
                    || t instanceof QueryTimeoutException // a Redis command that got no answer
                    || t instanceof SQLTransientConnectionException // the pool found no connection in time
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P: the server is shutting down, crashed or starting
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
