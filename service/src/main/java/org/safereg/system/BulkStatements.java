package org.safereg.system;

import com.mysql.cj.jdbc.JdbcConnection;
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
}
