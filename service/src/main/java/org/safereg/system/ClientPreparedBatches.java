package org.safereg.system;

import java.sql.Connection;
import org.apache.ibatis.executor.BatchExecutor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * The statements of MyBatis's BATCH sessions (the recomputes' pages of results, history and touches) prepared on
 * the client, so that each batch goes to MySQL as one multi-row text statement instead of a server-side statement
 * prepared and closed again for every batch ({@link BulkStatements}): in a full credit run that preparing was
 * half of what writing a page cost the instance. Statements of other sessions are prepared as before.
 */
@Intercepts(
        @Signature(
                type = StatementHandler.class,
                method = "prepare",
                args = {Connection.class, Integer.class}))
class ClientPreparedBatches implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object executor = SystemMetaObject.forObject(invocation.getTarget()).getValue("delegate.executor");
        if (executor instanceof BatchExecutor) {
            Object[] args = invocation.getArgs();
            args[0] = BulkStatements.preparingOnClient((Connection) args[0]);
        }
        return invocation.proceed();
    }
}
