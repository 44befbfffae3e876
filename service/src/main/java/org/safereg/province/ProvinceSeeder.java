package org.safereg.province;

import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the synthetic province at start-up, before any other start-up work (such
 * as the first credit evaluation) looks at the enterprises.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProvinceSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProvinceSeeder.class);

    private final SyntheticProvince province;
    private final ProvinceProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    ProvinceSeeder(SyntheticProvince province, ProvinceProperties properties, Clock clock, DataSource dataSource) {
        this.province = province;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void run(ApplicationArguments args) {
        // the connection's own URL, not spring.datasource.url: right however the data source was built
        String url =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        boolean embedded = url != null && url.startsWith("jdbc:h2:");
        boolean wanted =
                switch (properties.generate()) {
                    case ALWAYS -> true;
                    case EMBEDDED -> embedded;
                    case NEVER -> false;
                };
        if (!wanted) {
            log.info(
                    "Synthetic province not generated (safereg.province.generate={}, database {})",
                    properties.generate(),
                    embedded ? "embedded H2" : "not embedded");
            return;
        }
        if (province.hasEnterprises()) {
            log.info("Synthetic province not generated: the database already holds enterprises");
            return;
        }
        LocalDate asOf = properties.asOf() != null ? properties.asOf() : LocalDate.now(clock);
        log.info(
                "Generating a synthetic province of {} enterprises (seed {}, facts up to {})...",
                properties.size(),
                properties.seed(),
                asOf);
        ProvinceSummary summary = province.generate(properties.size(), properties.seed(), asOf);
        log.info("Synthetic province generated: {}", summary);
    }
}
