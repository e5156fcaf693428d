package dev.dingus.platform.events.consumer;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a handler failed because a store it needs (PostgreSQL, Redis) could not be reached, rather than because
 * of the event or the handler. Such a failure says nothing about the event: it will be handled once the store is
 * back.
 *
 * <p>When PostgreSQL answered with an SQL state, that state decides, not the class Spring translated it to: Spring
 * makes a statement timeout (57014) a {@link QueryTimeoutException} and a program limit such as an index row too
 * big (54000) a {@link DataAccessResourceFailureException}, yet both are about this statement and would fail
 * forever, blocking the queue, if they counted as outages.
 */
final class Outages {
    /** 08: connection exception; 53: the server lacks resources (disk, memory, connections). */
    private static final Set<String> OUTAGE_CLASSES = Set.of("08", "53");

    private Outages() {}

    static boolean isOutage(Throwable failure) {
        String sqlState = sqlState(failure);
        if (sqlState != null) {
            // 57P: the server is shutting down, crashed or starting
            return OUTAGE_CLASSES.contains(sqlState.substring(0, Math.min(2, sqlState.length())))
                    || sqlState.startsWith("57P");
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof DataAccessResourceFailureException // no connection: JDBC, Redis
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException // no connection to begin the transaction with
                    || t instanceof QueryTimeoutException // without an SQL state: a Redis command that got no answer
                    || t instanceof SQLTransientConnectionException // the pool found no connection in time
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && !sql.getSQLState().isEmpty()) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
