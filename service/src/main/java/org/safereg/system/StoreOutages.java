package org.safereg.system;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is a store (MySQL or Redis) not answering rather than a fault of the request or of
 * SafeReg, and which store. Drivers and frameworks wrap such failures many ways (MyBatis, Spring
 * transactions, Lettuce), so the whole chain of causes is read.
 */
final class StoreOutages {

    /** What an outage is put down to, for the people reading the problem and the logs. */
    enum Store {
        MYSQL("MySQL"),
        REDIS("Redis"),
        UNKNOWN("A store SafeReg depends on (MySQL or Redis)");

        private final String name;

        Store(String name) {
            this.name = name;
        }

        String displayName() {
            return name;
        }

        /** The name in the caller's language: only the unknown store has words to translate. */
        Text text() {
            return this == UNKNOWN ? Text.of("store.unknown", name) : Text.english(name);
        }
    }

    /**
     * Replies of a Redis server that is there but cannot serve for the moment (loading its data after a
     * restart, a failover, a busy script). Other error replies (a wrong type, a bad script) are SafeReg's own
     * faults, which sending again will not cure: those stay 500s.
     */
    private static final List<String> TRANSIENT_REDIS_REPLIES =
            List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS");

    private StoreOutages() {}

    static boolean isOutage(Throwable failure) {
        return storeOf(failure) != null;
    }

    /** The store that did not answer, or null when the failure is not a store outage. */
    static Store storeOf(Throwable failure) {
        boolean outage = false;
        Store named = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            outage |= isOutageCause(t);
            if (named == null) {
                named = nameOf(t);
            }
        }
        if (!outage) {
            return null;
        }
        return named == null ? Store.UNKNOWN : named;
    }

    /** The message of the deepest cause, which says what happened ("Connection refused") without the wrappers. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? failure.getMessage() : root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static boolean isOutageCause(Throwable t) {
        if (t instanceof RedisCommandExecutionException reply) {
            return isTransient(reply);
        }
        return t instanceof RedisConnectionFailureException
                || t instanceof RedisConnectionException
                || t instanceof RedisCommandTimeoutException
                || t instanceof RedisCommandInterruptedException
                // "Currently not connected. Commands are rejected.", "Connection closed", a reset connection
                || (t instanceof RedisException && !(t.getCause() instanceof RedisCommandExecutionException))
                || t instanceof DataAccessResourceFailureException
                || t instanceof QueryTimeoutException
                || t instanceof RecoverableDataAccessException
                || t instanceof TransientDataAccessResourceException
                || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException
                || t instanceof ConnectException
                || t instanceof SocketTimeoutException
                // SQLSTATE class 08: connection exception (refused, broken, lost)
                || (t instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08"));
    }

    private static Store nameOf(Throwable t) {
        if (t instanceof RedisException || t instanceof RedisConnectionFailureException) {
            return Store.REDIS;
        }
        if (t instanceof SQLException || t instanceof CannotGetJdbcConnectionException) {
            return Store.MYSQL;
        }
        return null;
    }

    private static boolean isTransient(RedisCommandExecutionException reply) {
        String message = String.valueOf(reply.getMessage());
        return TRANSIENT_REDIS_REPLIES.stream().anyMatch(message::startsWith);
    }
}
