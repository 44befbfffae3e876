package org.safereg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.safereg.support.RealStores;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB whose databases default to latin1 (its packaged default): the migrations declare utf8mb4
 * themselves, so they run and Chinese names are stored and read back intact.
 */
class Latin1DatabaseIntegrationTests {

    @Test
    void theMigrationsRunOnALatin1DatabaseAndKeepChineseText() throws Exception {
        Map<String, Object> stores = RealStores.properties();
        String url = (String) stores.get("spring.datasource.url");
        String user = (String) stores.get("spring.datasource.username");
        String password = (String) stores.get("spring.datasource.password");
        String server = url.substring(0, url.indexOf('/', "jdbc:mysql://".length()) + 1);
        String options = url.substring(url.indexOf('?'));
        String database = "safereg_latin1";
        try (Connection connection = DriverManager.getConnection(server + options, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        }
        DriverManagerDataSource latin1 = new DriverManagerDataSource(server + database + options, user, password);

        Flyway.configure()
                .dataSource(latin1)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        JdbcTemplate jdbc = new JdbcTemplate(latin1);
        jdbc.update("INSERT INTO regions (code, name, level) VALUES ('140000', '山西省', 'PROVINCE')");
        assertThat(jdbc.queryForObject("SELECT name FROM regions WHERE code = '140000'", String.class))
                .isEqualTo("山西省");
        jdbc.execute("DROP DATABASE " + database);
    }
}
