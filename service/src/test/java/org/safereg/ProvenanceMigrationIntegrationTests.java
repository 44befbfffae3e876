package org.safereg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safereg.support.RealStores;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V13 turns the rule copies that alarms, their events, notifications and tasks kept (name, file, sheet, row)
 * into the ordinals every decision stores: a database upgraded with such rows keeps every decision's rule.
 */
class ProvenanceMigrationIntegrationTests {

    private static final String DATABASE = "safereg_provenance_migration";
    private static final String VERSION = "a".repeat(64);
    private static final String UNRECORDED = "b".repeat(64);

    private final Map<String, Object> stores = RealStores.properties();
    private final String url = (String) stores.get("spring.datasource.url");
    private final String user = (String) stores.get("spring.datasource.username");
    private final String password = (String) stores.get("spring.datasource.password");
    private final String server = url.substring(0, url.indexOf('/', "jdbc:mysql://".length()) + 1);
    private final String options = url.substring(url.indexOf('?'));

    @AfterEach
    void dropDatabase() throws Exception {
        execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    @Test
    void decisionsStoredWithRuleCopiesKeepTheirRuleAsAnOrdinalOfTheirVersion() throws Exception {
        execute("DROP DATABASE IF EXISTS " + DATABASE);
        execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server + DATABASE + options, user, password);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("12")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(
                "INSERT INTO rule_sets (version, author, created_at) VALUES (?, 'seed', CURRENT_TIMESTAMP(3))",
                VERSION);
        jdbc.update(
                "INSERT INTO rule_set_rules (version, ordinal, package_name, rule_name, file, sheet, rule_table,"
                        + " sheet_row) VALUES (?, 0, 'p', 'Cut-off to the province_30', 'decision-tables/escalation-policy.xlsx',"
                        + " 'Escalation policy', 'Escalation', 30), (?, 7, 'p', 'GB50493 combustible level-2',"
                        + " 'decision-tables/alarm-thresholds.xlsx', 'Alarm thresholds', 'Thresholds', 14)",
                VERSION,
                VERSION);
        jdbc.update("INSERT INTO regions (code, name, level) VALUES ('149901', '测试县', 'COUNTY')");
        jdbc.update("INSERT INTO enterprises (credit_code, name, region_code, sector, scale, employees, licence_status)"
                + " VALUES ('91140000MA0000001X', '测试化工', '149901', 'HAZARDOUS_CHEMICALS', 'SMALL', 50, 'VALID')");
        long enterprise = jdbc.queryForObject("SELECT id FROM enterprises", Long.class);
        jdbc.update(
                "INSERT INTO monitoring_points (code, enterprise_id, equipment_type, equipment_id, equipment_name,"
                        + " metric, unit, created_at) VALUES ('GT-1', ?, 'GAS_DETECTOR', 'R-1', '反应釜', 'COMBUSTIBLE_GAS',"
                        + " '%LEL', CURRENT_TIMESTAMP(3))",
                enterprise);
        long point = jdbc.queryForObject("SELECT id FROM monitoring_points", Long.class);
        for (int episode = 1; episode <= 3; episode++) {
            // a rule of a recorded version; a rule the version lacks; a version whose rules were never recorded
            String version = episode == 3 ? UNRECORDED : VERSION;
            String rule = episode == 2 ? "a rule that is gone" : "GB50493 combustible level-2";
            jdbc.update(
                    "INSERT INTO alarms (point_id, episode, enterprise_id, level, colour, state, reading_value,"
                            + " raised_at, changed_at, rule_set_version, rule_name, rule_file, rule_sheet, rule_row)"
                            + " VALUES (?, ?, ?, 2, 'ORANGE', 'RAISED', 55, CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3), ?, ?,"
                            + " 'decision-tables/alarm-thresholds.xlsx', 'Alarm thresholds', 14)",
                    point,
                    episode,
                    enterprise,
                    version,
                    rule);
        }
        long alarm = jdbc.queryForObject("SELECT id FROM alarms WHERE episode = 1", Long.class);
        jdbc.update(
                "INSERT INTO alarm_events (alarm_id, point_id, event, level, state, occurred_at, rule_set_version,"
                        + " rule_name) VALUES (?, ?, 'RAISED', 2, 'RAISED', CURRENT_TIMESTAMP(3), ?,"
                        + " 'GB50493 combustible level-2'), (?, ?, 'ACKNOWLEDGED', 2, 'ACKNOWLEDGED', CURRENT_TIMESTAMP(3),"
                        + " NULL, NULL)",
                alarm,
                point,
                VERSION,
                alarm,
                point);
        jdbc.update(
                "INSERT INTO notifications (step_key, enterprise_id, alarm_id, recipient, channel, message,"
                        + " rule_set_version, rule_name, rule_file, rule_sheet, rule_row, created_at) VALUES ('alarm:1:PROVINCE',"
                        + " ?, ?, 'PROVINCE', 'SMS', '报警', ?, 'Cut-off to the province_30',"
                        + " 'decision-tables/escalation-policy.xlsx', 'Escalation policy', 30, CURRENT_TIMESTAMP(3))",
                enterprise,
                alarm,
                VERSION);
        jdbc.update(
                "INSERT INTO enforcement_tasks (idempotency_key, enterprise_id, type, reason, trigger_ref, priority,"
                        + " due_from, due_by, state, rule_set_version, fired_rules, rule_name, created_at) VALUES ('k1', ?,"
                        + " 'ENFORCEMENT_INSPECTION', 'MAJOR_HAZARD_OVERDUE', 'hazard:1', 1, CURRENT_DATE, CURRENT_DATE, 'OPEN',"
                        + " ?, '[0,7]', 'Cut-off to the province_30', CURRENT_TIMESTAMP(3)), ('k2', ?, 'ON_SITE_INSPECTION',"
                        + " 'INSPECTION_PLAN_RANDOM_DRAW', 'plan:1', 3, CURRENT_DATE, CURRENT_DATE, 'OPEN', ?, '[7]', NULL,"
                        + " CURRENT_TIMESTAMP(3))",
                enterprise,
                VERSION,
                enterprise,
                VERSION);

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(jdbc.queryForList("SELECT fired_rules FROM alarms ORDER BY episode", String.class))
                .containsExactly("[7]", null, null);
        assertThat(jdbc.queryForList("SELECT fired_rules FROM alarm_events ORDER BY id", String.class))
                .containsExactly("[7]", null);
        assertThat(jdbc.queryForObject("SELECT fired_rules FROM notifications", String.class))
                .isEqualTo("[0]");
        assertThat(jdbc.queryForList("SELECT deciding_rule FROM enforcement_tasks ORDER BY id", Integer.class))
                .containsExactly(0, null);
        assertThat(jdbc.queryForList("SELECT fired_rules FROM enforcement_tasks ORDER BY id", String.class))
                .containsExactly("[0,7]", "[7]");
        // the copies are gone: the rule set is where a rule's place is written down
        List<String> copies = jdbc.queryForList(
                "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                        + " WHERE table_schema = ? AND table_name <> 'rule_set_rules'"
                        + " AND column_name IN ('rule_name', 'rule_file', 'rule_sheet', 'rule_row')",
                String.class,
                DATABASE);
        assertThat(copies).isEmpty();
        // other features read the alarms' provenance through the view monitoring publishes
        assertThat(jdbc.queryForObject("SELECT fired_rules FROM alarms_view WHERE episode = 1", String.class))
                .isEqualTo("[7]");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server + options, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
