package org.safereg.indicators;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The indicators benchmark (scripts/benchmark-indicators.sh): on a synthetic province generated, credit- and
 * risk-evaluated at start-up, adds monitoring points with acknowledged alarms and completed inspections over the
 * past year, then asks for the indicators as the dashboard does (a year of months for the province, a city's
 * quarters, a sector's years, the province's heat map), several times each, and prints the wall time of each.
 */
@Component
@Order(1000)
@ConditionalOnProperty("safereg.benchmark.indicators.enterprises")
class IndicatorsBenchmark implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final Indicators indicators;
    private final ConfigurableApplicationContext context;

    IndicatorsBenchmark(JdbcTemplate jdbc, Indicators indicators, ConfigurableApplicationContext context) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int runs = context.getEnvironment().getProperty("safereg.benchmark.runs", Integer.class, 3);
        settle();
        addAlarmsAndInspections();
        String city = jdbc.queryForObject("SELECT MIN(code) FROM regions WHERE level = 'CITY'", String.class);
        System.out.printf(
                "%nSafeReg indicators benchmark: %,d enterprises, %,d hazards, %,d accidents, %,d alarms, %,d completed"
                        + " tasks, %,d credit and %,d risk history rows%n",
                count("enterprises"),
                count("hazards"),
                count("accidents"),
                count("alarms"),
                count("enforcement_tasks"),
                count("credit_history"),
                count("risk_history"));
        for (int run = 1; run <= runs; run++) {
            time(run, "province, 12 months", () -> indicators.report("MONTH", null, null, null, null));
            time(run, "city " + city + ", 12 quarters", () -> indicators.report("QUARTER", null, null, city, null));
            time(run, "hazardous chemicals, 5 years", () -> {
                int year = java.time.LocalDate.now().getYear();
                return indicators.report(
                        "YEAR", String.valueOf(year - 4), String.valueOf(year), null, "HAZARDOUS_CHEMICALS");
            });
            time(run, "heat map of the province", () -> indicators.heatMap(null, null));
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** Waits until the risk recomputes the start-up credit run set off have stopped writing history. */
    private void settle() {
        long last = -1;
        for (int quiet = 0; quiet < 5; ) {
            long now = count("risk_history");
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private void time(int run, String what, java.util.function.Supplier<Object> ask) {
        long started = System.nanoTime();
        Object answer = ask.get();
        double millis = (System.nanoTime() - started) / 1e6;
        int periods =
                answer instanceof IndicatorsReport report ? report.periods().size() : 0;
        System.out.printf(
                "run %d: %-34s %8.0f ms%s%n", run, what, millis, periods > 0 ? " (" + periods + " periods)" : "");
    }

    /**
     * A gas detector on every 10th enterprise with one alarm a month over the past year, acknowledged after
     * 1-60 minutes (every 7th never); a completed inspection for every 5th enterprise, reported by one of 500
     * inspectors, every 3rd with violations.
     */
    private void addAlarmsAndInspections() {
        jdbc.update("DELETE FROM alarm_events");
        jdbc.update("DELETE FROM alarms");
        jdbc.update("DELETE FROM monitoring_points");
        jdbc.update("DELETE FROM task_outbox");
        jdbc.update("DELETE FROM notifications");
        jdbc.update("DELETE FROM enforcement_tasks");
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name,"
                        + " metric, unit, created_at) SELECT CONCAT('BENCH-', id), id, 'GAS_DETECTOR', 'R-1', '反应釜',"
                        + " 'COMBUSTIBLE_GAS', '%LEL', ? FROM enterprises WHERE MOD(id, 10) = 0",
                now);
        for (int month = 0; month < 12; month++) {
            jdbc.update(
                    "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value, raised_at,"
                            + " changed_at, acknowledged_at, rule_set_version) SELECT p.id, ?, p.enterprise_id, 1,"
                            + " 'YELLOW', 'ACKNOWLEDGED', 30, DATE_SUB(?, INTERVAL ? MONTH), DATE_SUB(?, INTERVAL ? MONTH),"
                            + " CASE WHEN MOD(p.id, 7) = 0 THEN NULL ELSE DATE_ADD(DATE_SUB(?, INTERVAL ? MONTH),"
                            + " INTERVAL 1 + MOD(p.id, 60) MINUTE) END, REPEAT('0', 64) FROM monitoring_points p",
                    month + 1,
                    now,
                    month,
                    now,
                    month,
                    now,
                    month);
        }
        for (int month = 0; month < 12; month++) {
            jdbc.update(
                    "INSERT INTO enforcement_tasks (idempotency_key, enterprise_id, type, reason, trigger_ref, priority,"
                            + " due_from, due_by, state, rule_set_version, fired_rules, created_at, completed_by,"
                            + " completed_at, result) SELECT CONCAT('bench:', ?, ':', id), id, 'ON_SITE_INSPECTION',"
                            + " 'BENCH', CONCAT('bench:', id), 2, CURRENT_DATE, CURRENT_DATE, 'COMPLETED', REPEAT('0', 64),"
                            + " '[]', DATE_SUB(?, INTERVAL ? MONTH), CONCAT('inspector-', MOD(id, 500)),"
                            + " DATE_SUB(?, INTERVAL ? MONTH), CASE WHEN MOD(id, 3) = 0 THEN"
                            + " '{\"violations\":[{\"description\":\"x\"}]}' ELSE '{\"violations\":[]}' END"
                            + " FROM enterprises WHERE MOD(id + ?, 60) = 0",
                    month,
                    now,
                    month,
                    now,
                    month,
                    month * 5);
        }
        List.of("ANALYZE TABLE hazards, accidents, alarms, enforcement_tasks, credit_history, risk_history")
                .forEach(jdbc::execute);
    }
}
