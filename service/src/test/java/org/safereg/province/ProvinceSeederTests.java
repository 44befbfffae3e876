package org.safereg.province;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safereg.province.ProvinceProperties.Generate;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

/** The start-up decision on the embedded database; the real-database side is in the integration tests. */
class ProvinceSeederTests {

    private static final AtomicInteger databases = new AtomicInteger();
    /** Half past one in the morning in Beijing, still the previous day in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T17:30:00Z"), ZoneId.of("Asia/Shanghai"));

    private HikariDataSource h2;
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyEmbeddedDatabase() {
        h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:seeder" + databases.incrementAndGet()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
        h2.setUsername("sa");
        h2.setPassword("");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(h2);
    }

    @AfterEach
    void dropIt() {
        h2.close();
    }

    @Test
    void theEmbeddedDefaultGetsAProvinceWhoseFactsLeadUpToTodayByTheClock() {
        seed(Generate.EMBEDDED, null);

        assertThat(count("enterprises")).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT MAX(training_year) FROM trainings", Integer.class))
                .isEqualTo(2025);
        assertThat(jdbc.queryForObject("SELECT MAX(planned_on) FROM drills", LocalDate.class))
                .isBeforeOrEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void aConfiguredAsOfDateWinsOverTheClock() {
        seed(Generate.ALWAYS, LocalDate.of(2024, 6, 30));

        assertThat(count("enterprises")).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT MAX(training_year) FROM trainings", Integer.class))
                .isEqualTo(2023);
        assertThat(jdbc.queryForObject("SELECT MAX(planned_on) FROM drills", LocalDate.class))
                .isBeforeOrEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void neverMeansNever() {
        seed(Generate.NEVER, null);

        assertThat(count("enterprises")).isZero();
        assertThat(count("regions")).isZero();
    }

    @Test
    void aDatabaseWithEnterprisesIsLeftAlone() {
        jdbc.update("INSERT INTO regions (code, name, level) VALUES ('110000', '某省', 'PROVINCE')");
        jdbc.update("INSERT INTO enterprises (credit_code, name, region_code, sector, scale, employees, licence_status)"
                + " VALUES ('91350100M000100Y43', '某公司', '110000', 'OTHER', 'SMALL', 40, 'VALID')");

        seed(Generate.ALWAYS, null);

        assertThat(count("enterprises")).isEqualTo(1);
        assertThat(count("regions")).isEqualTo(1);
    }

    private void seed(Generate generate, LocalDate asOf) {
        ProvinceProperties properties = new ProvinceProperties(generate, 40, 7L, asOf);
        new ProvinceSeeder(new SyntheticProvince(h2), properties, CLOCK, h2).run(new DefaultApplicationArguments());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
