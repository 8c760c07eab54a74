package org.careerconversations.operations;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database could not be reached from every other failure. The connection pool
 * answers a request it cannot serve with {@link SQLTransientConnectionException}; it names the last failed
 * connection attempt as its cause when the database is unreachable, and nothing when the pool is merely busy.
 */
public final class DatabaseFailures {

    /**
     * What the pool answers when a transaction is rolled back on a connection it has just thrown away because
     * the database broke it off; the original failure is then no longer in the chain.
     */
    private static final String CLOSED_BY_POOL = "Connection is closed";

    private DatabaseFailures() {
    }

    /** True if anything in the cause chain says that no connection to the database could be had or kept. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException && t.getCause() != null) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState())
                || CLOSED_BY_POOL.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 (connection exception), and PostgreSQL's 57P01–57P03: the server is shutting down
     * or starting up and ends or refuses the session.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
            || state.equals("57P03"));
    }
}
