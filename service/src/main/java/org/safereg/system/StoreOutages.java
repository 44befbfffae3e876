package org.safereg.system;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is a store (MySQL or Redis) not answering rather than a fault of the request or of
 * SafeReg. Drivers and frameworks wrap such failures many ways (MyBatis, Spring transactions, Lettuce),
 * so the whole chain of causes is read.
 */
final class StoreOutages {

    private StoreOutages() {}

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (refused, broken, lost)
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.startsWith("io.lettuce.core.RedisConnectionException")
                    || type.equals("io.lettuce.core.RedisCommandTimeoutException")
                    || type.equals("org.springframework.data.redis.RedisConnectionFailureException")
                    // the base type is what Lettuce throws for "Currently not connected", "Connection closed" and
                    // the like; a command Redis refused is a subclass (RedisCommandExecutionException), not an outage
                    || type.equals("io.lettuce.core.RedisException")
                    || type.equals("io.lettuce.core.RedisCommandInterruptedException")) {
                return true;
            }
        }
        return false;
    }
}
