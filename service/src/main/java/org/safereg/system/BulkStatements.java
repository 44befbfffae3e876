package org.safereg.system;

import com.mysql.cj.jdbc.JdbcConnection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Statements for writing many rows in JDBC batches. SafeReg's MySQL connections prepare every statement on the
 * server ({@code useCursorFetch} requires it), and Connector/J sends a server-prepared batch as a multi-row
 * statement that it prepares on the server anew for every batch: a statement of thousands of placeholders,
 * sent, parsed and closed again for each batch of a province's rows. A statement prepared on the client sends
 * each batch as one multi-row text statement instead. Other databases (the embedded H2) prepare as usual.
 */
public final class BulkStatements {

    private BulkStatements() {}

    /** A statement for {@code sql} whose batches are written as multi-row statements where the driver can. */
    public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)) {
            return connection.unwrap(JdbcConnection.class).clientPrepareStatement(sql);
        }
        return connection.prepareStatement(sql);
    }

    /**
     * {@code connection} as seen by code that prepares its own statements (MyBatis): every statement it prepares
     * is prepared on the client where the driver can (see {@link #prepare}); everything else goes to
     * {@code connection} itself.
     */
    public static Connection preparingOnClient(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return connection;
        }
        JdbcConnection mysql = connection.unwrap(JdbcConnection.class);
        return (Connection) Proxy.newProxyInstance(
                BulkStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        Class<?>[] types = method.getParameterTypes();
                        String sql = (String) args[0];
                        if (types.length == 1) {
                            return mysql.clientPrepareStatement(sql);
                        }
                        if (types.length == 2 && types[1] == int.class) {
                            return mysql.clientPrepareStatement(sql, (int) args[1]);
                        }
                        if (types.length == 2 && types[1] == String[].class) {
                            return mysql.clientPrepareStatement(sql, (String[]) args[1]);
                        }
                        if (types.length == 3) {
                            return mysql.clientPrepareStatement(sql, (int) args[1], (int) args[2]);
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
