package org.safereg.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connector/J settings SafeReg relies on, whatever URL the operator gives. The bulk fact scans stream
 * through server-side cursors ({@code useCursorFetch}): without it Connector/J reads a whole province's rows
 * into memory before the first is mapped. The recomputes write pages as JDBC batches, which Connector/J sends
 * as multi-row statements only with {@code rewriteBatchedStatements}; without it every row of a 100,000-row
 * run is a round trip of its own. {@code useCursorFetch} makes every statement a server-side prepared statement, prepared and
 * closed anew each time unless the driver caches them: the readings path spent a third of its time
 * preparing statements. A server that is gone must fail a request within seconds, not hold it: connecting
 * gives up after 2 s, and a read that hears nothing for 30 s (a server frozen mid-answer) is abandoned.
 * Added only for MySQL/MariaDB URLs; a setting already in the URL wins.
 */
@Configuration(proxyBeanMethods = false)
class MysqlConnectionSettings {

    @Bean
    static BeanPostProcessor mysqlStatementCache() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool
                        && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:mysql:")) {
                    setUnlessInUrl(pool, "useCursorFetch", "true");
                    setUnlessInUrl(pool, "rewriteBatchedStatements", "true");
                    setUnlessInUrl(pool, "cachePrepStmts", "true");
                    setUnlessInUrl(pool, "prepStmtCacheSize", "250");
                    setUnlessInUrl(pool, "prepStmtCacheSqlLimit", "4096");
                    setUnlessInUrl(pool, "connectTimeout", "2000");
                    setUnlessInUrl(pool, "socketTimeout", "30000");
                }
                return bean;
            }
        };
    }

    static void setUnlessInUrl(HikariDataSource pool, String property, String value) {
        if (!pool.getJdbcUrl().contains(property + "=")) {
            pool.addDataSourceProperty(property, value);
        }
    }
}
