package org.safereg.province;

import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a synthetic province into the database: regions, enterprises with valid unified social credit
 * codes, and 36 months of hazards, violations, trainings, drills and accidents, with the distributions a
 * provincial work-safety bureau sees. The same arguments always produce the same rows, ids included, so
 * that benchmarks and demonstrations are repeatable.
 *
 * <p>Rows are streamed: memory stays flat however many enterprises are asked for, and each thousand
 * enterprises are committed together. Works on MySQL/MariaDB (with or without
 * {@code rewriteBatchedStatements}) and on H2 in MySQL mode.
 */
@Component
public class SyntheticProvince {

    /** Enterprises written per transaction: big enough to amortise the commit, small enough for the undo log. */
    private static final int ENTERPRISES_PER_TRANSACTION = 1000;

    private static final int MAX_ENTERPRISES = 10_000_000;

    /** Results computed from the generated rows: they describe enterprises that a clear removes. */
    private static final List<String> DERIVED_TABLES =
            List.of("credit_history", "credit_results", "credit_jobs", "risk_history", "risk_results", "alarm_events");

    private static final List<String> FACT_TABLES = List.of(
            "enforcement_decisions",
            "hazard_classifications",
            "hazard_type_matches",
            "hazard_screening_flags",
            "licences",
            "inspection_results",
            "accidents",
            "drills",
            "trainings",
            "violations");

    /** Facts that other tables refer to by foreign key: emptied after those tables, see {@link #emptyReferenced}. */
    private static final List<String> REFERENCED_FACT_TABLES = List.of("hazards");

    private static final Logger log = LoggerFactory.getLogger(SyntheticProvince.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SyntheticProvince(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Writes a province of {@code enterprises} enterprises whose facts lead up to {@code asOf}.
     *
     * <p>Each thousand enterprises are committed with their facts; a failure part-way leaves the ones
     * written so far, and {@link #clear()} removes them before the next attempt.
     *
     * @throws IllegalStateException when the database already holds enterprises or regions: generated rows
     *     are never mixed with others (see {@link #clear()})
     */
    public ProvinceSummary generate(int enterprises, long seed, LocalDate asOf) {
        if (enterprises < 0 || enterprises > MAX_ENTERPRISES) {
            throw new IllegalArgumentException(
                    "enterprises must be between 0 and " + MAX_ENTERPRISES + ", got " + enterprises);
        }
        if (asOf == null) {
            throw new IllegalArgumentException("asOf is required: the facts lead up to it");
        }
        long started = System.nanoTime();
        refuseUnlessEmpty();
        ProvinceWriters writers = new ProvinceWriters(jdbc);
        ProvinceGenerator generator = new ProvinceGenerator(seed, asOf, new ProvinceRegions(), writers);
        transactions.executeWithoutResult(status -> {
            generator.regions();
            writers.flush();
        });
        for (int first = 0; first < enterprises; first += ENTERPRISES_PER_TRANSACTION) {
            int from = first;
            int to = Math.min(enterprises, first + ENTERPRISES_PER_TRANSACTION);
            transactions.executeWithoutResult(status -> {
                for (int index = from; index < to; index++) {
                    generator.enterprise(index);
                }
                writers.flush();
            });
            if (log.isDebugEnabled() && to % 10_000 == 0) {
                log.debug("Synthetic province: {} of {} enterprises written", to, enterprises);
            }
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        return new ProvinceSummary(
                seed,
                asOf,
                writers.regions.written(),
                writers.enterprises.written(),
                writers.hazards.written(),
                writers.violations.written(),
                writers.trainings.written(),
                writers.drills.written(),
                writers.accidents.written(),
                elapsed);
    }

    /**
     * Deletes every row of the generated tables and of the credit results and jobs derived from them, so that
     * a province can be generated again. Rule sets and other configuration are kept. Call it outside any
     * transaction: MySQL commits around each TRUNCATE.
     */
    public void clear() {
        // a decision under way (a risk recompute set off by a change) may write a derived row between the
        // TRUNCATE of its table and the DELETE of the enterprises it refers to: then the whole clear runs again
        for (int attempt = 1; ; attempt++) {
            try {
                clearOnce();
                return;
            } catch (DataIntegrityViolationException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private void clearOnce() {
        // no foreign key points at these, so TRUNCATE may empty them: much faster than DELETE at 100,000 enterprises
        for (String table : DERIVED_TABLES) {
            jdbc.execute("TRUNCATE TABLE " + table);
        }
        for (String table : FACT_TABLES) {
            jdbc.execute("TRUNCATE TABLE " + table);
        }
        emptyReferenced();
        transactions.executeWithoutResult(status -> {
            // referenced by foreign keys, so not truncated
            jdbc.update("DELETE FROM alarms");
            jdbc.update("DELETE FROM monitoring_points");
            jdbc.update("DELETE FROM enterprises");
            // children before parents: the region tree references itself
            for (String level : List.of("COUNTY", "CITY", "PROVINCE")) {
                jdbc.update("DELETE FROM regions WHERE level = ?", level);
            }
            jdbc.update("DELETE FROM regions");
        });
    }

    /**
     * Empties the fact tables that foreign keys point at, once the tables pointing at them are empty. MySQL and
     * MariaDB refuse to TRUNCATE such a table unless this connection stops checking foreign keys for the
     * statement; elsewhere (the embedded H2) the rows are deleted.
     */
    private void emptyReferenced() {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            boolean mysql = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .matches(".*(mysql|mariadb).*");
            try (Statement statement = connection.createStatement()) {
                if (!mysql) {
                    for (String table : REFERENCED_FACT_TABLES) {
                        statement.execute("DELETE FROM " + table);
                    }
                    return null;
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                try {
                    for (String table : REFERENCED_FACT_TABLES) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                } finally {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return null;
        });
    }

    boolean hasEnterprises() {
        return count("enterprises") > 0;
    }

    private void refuseUnlessEmpty() {
        long enterprises = count("enterprises");
        long regions = count("regions");
        if (enterprises > 0 || regions > 0) {
            throw new IllegalStateException(("The database already holds %d enterprises and %d regions; a synthetic "
                            + "province is only generated into empty tables, never mixed with other data. Clear them "
                            + "first (SyntheticProvince.clear()) or use another database.")
                    .formatted(enterprises, regions));
        }
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}
