package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.jdbc.JdbcConnection;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.safereg.support.RealStores;

/**
 * An operator's URL without Connector/J options still streams the bulk scans through a server cursor and
 * sends batches as multi-row statements; an option the URL states is kept.
 */
class MysqlConnectionSettingsTests {

    @Test
    void aPlainUrlGetsCursorsAndRewrittenBatches() throws Exception {
        try (HikariDataSource pool = pool(plainUrl())) {
            try (Connection connection = pool.getConnection()) {
                JdbcConnection driver = connection.unwrap(JdbcConnection.class);
                assertThat(setting(driver, PropertyKey.useCursorFetch)).isTrue();
                assertThat(setting(driver, PropertyKey.rewriteBatchedStatements))
                        .isTrue();
                assertThat(setting(driver, PropertyKey.cachePrepStmts)).isTrue();
            }
        }
    }

    @Test
    void anOptionInTheUrlWins() throws Exception {
        try (HikariDataSource pool = pool(plainUrl() + "?rewriteBatchedStatements=false")) {
            try (Connection connection = pool.getConnection()) {
                JdbcConnection driver = connection.unwrap(JdbcConnection.class);
                assertThat(setting(driver, PropertyKey.rewriteBatchedStatements))
                        .isFalse();
                assertThat(setting(driver, PropertyKey.useCursorFetch)).isTrue();
            }
        }
    }

    private static boolean setting(JdbcConnection connection, PropertyKey key) {
        return connection.getPropertySet().getBooleanProperty(key).getValue();
    }

    /** The test database's URL without any of its options. */
    private static String plainUrl() {
        String url = (String) RealStores.properties().get("spring.datasource.url");
        int options = url.indexOf('?');
        return options < 0 ? url : url.substring(0, options);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername((String) RealStores.properties().get("spring.datasource.username"));
        pool.setPassword((String) RealStores.properties().get("spring.datasource.password"));
        pool.addDataSourceProperty("allowPublicKeyRetrieval", "true");
        pool.addDataSourceProperty("useSSL", "false");
        MysqlConnectionSettings.mysqlStatementCache().postProcessBeforeInitialization(pool, "dataSource");
        return pool;
    }
}
