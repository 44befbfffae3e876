package org.safereg.support;

import java.time.LocalDate;
import java.util.Set;
import org.safereg.enterprise.CreditCodes;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for integration tests, written straight into the database the service reads: a province
 * with one county and enterprises whose facts the test spells out.
 */
public final class Province {

    static final String COUNTY = "149901";
    private static final String[] TABLES = {
        "notifications",
        "enforcement_decisions",
        "task_outbox",
        "enforcement_tasks",
        "mine_alarm_persons",
        "mine_area_presence",
        "position_events",
        "mine_areas",
        "inspection_plan_items",
        "inspection_plans",
        "risk_history",
        "risk_results",
        "alarm_events",
        "alarms",
        "monitoring_points",
        "credit_history",
        "credit_results",
        "credit_jobs",
        "accidents",
        "drills",
        "trainings",
        "violations",
        "hazard_screening_flags",
        "hazard_type_matches",
        "hazard_classifications",
        "hazards",
        "licences",
        "inspection_results",
        "decision_changes",
        "exchange_imports",
        "enterprises"
    };

    private final JdbcTemplate jdbc;
    private int next;

    private Province(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table the tests write, and what Redis holds of them. */
    public static Province reset(JdbcTemplate jdbc, StringRedisTemplate redis) {
        // a risk recompute that an earlier test's change set off may still write a result in between
        for (int attempt = 1; ; attempt++) {
            try {
                for (String table : TABLES) {
                    jdbc.update("DELETE FROM " + table);
                }
                break;
            } catch (DataIntegrityViolationException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
        jdbc.update("UPDATE read_models SET stale = FALSE");
        if (redis != null) {
            for (String pattern : new String[] {
                "safereg:credit:*",
                "safereg:monitoring:*",
                "safereg:positioning:*",
                "safereg:tasks*",
                "safereg:notifications*",
                "safereg:risk:*"
            }) {
                Set<String> keys = redis.keys(pattern);
                if (keys != null && !keys.isEmpty()) {
                    redis.delete(keys);
                }
            }
        }
        jdbc.update("DELETE FROM regions WHERE code = '149901'");
        jdbc.update("DELETE FROM regions WHERE code = '149900'");
        jdbc.update("DELETE FROM regions WHERE code = '990000'");
        jdbc.update("INSERT INTO regions (code, name, level, parent_code) VALUES ('990000', '测试省', 'PROVINCE', NULL)");
        jdbc.update("INSERT INTO regions (code, name, level, parent_code) VALUES ('149900', '测试市', 'CITY', '990000')");
        jdbc.update(
                "INSERT INTO regions (code, name, level, parent_code) VALUES ('149901', '测试县', 'COUNTY', '149900')");
        return new Province(jdbc);
    }

    /** A valid credit code that no test enterprise has. */
    public static String unknownCode() {
        return CreditCodes.withCheckDigit("91149901TEAM99999");
    }

    /**
     * A chemical plant of tier B with 79.5 points: no hazard or violation (30 + 25), 80 % of its staff trained
     * (60 points, 12), one of its two drills done (50 points, 12.5).
     */
    public Enterprise middlingChemicalPlant() {
        LocalDate today = LocalDate.now();
        return enterprise("中游化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 32)
                .drill(today.minusMonths(2), true)
                .drill(today.minusMonths(6), false);
    }

    /** A chemical plant of tier A with 100 points: nothing against it, everyone trained, its drill done. */
    public Enterprise exemplaryChemicalPlant() {
        LocalDate today = LocalDate.now();
        return enterprise("标杆化工有限公司", "HAZARDOUS_CHEMICALS", "VALID")
                .training(today.getYear(), 40, 40)
                .drill(today.minusMonths(4), true);
    }

    public Enterprise enterprise(String name, String sector, String licence) {
        String code = CreditCodes.withCheckDigit("91149901TEAM" + String.format("%05d", ++next));
        jdbc.update(
                "INSERT INTO enterprises (credit_code, name, region_code, sector, scale, employees,"
                        + " licence_status) VALUES (?, ?, ?, ?, 'SMALL', 40, ?)",
                code,
                name,
                COUNTY,
                sector,
                licence);
        return existing(code);
    }

    public Enterprise existing(String code) {
        long id = jdbc.queryForObject("SELECT id FROM enterprises WHERE credit_code = ?", Long.class, code);
        return new Enterprise(id, code);
    }

    public final class Enterprise {
        private final long id;
        private final String code;

        private Enterprise(long id, String code) {
            this.id = id;
            this.code = code;
        }

        public Enterprise majorHazard(LocalDate found, LocalDate deadline, LocalDate rectified) {
            jdbc.update(
                    "INSERT INTO hazards (enterprise_id, source, grade, description, found_on, deadline,"
                            + " rectified_on) VALUES (?, 'DEPARTMENT_VERIFICATION', 'MAJOR', '特种作业无证上岗', ?, ?, ?)",
                    id,
                    found,
                    deadline,
                    rectified);
            return this;
        }

        /** Its highest major hazard source (重大危险源), level 1 (highest) to 4. */
        public Enterprise majorHazardSource(int level) {
            jdbc.update("UPDATE enterprises SET major_hazard_level = ? WHERE id = ?", level, id);
            return this;
        }

        public Enterprise hazard(String grade, String description, LocalDate deadline, LocalDate rectified) {
            jdbc.update(
                    "INSERT INTO hazards (enterprise_id, source, grade, description, found_on, deadline,"
                            + " rectified_on) VALUES (?, 'PLATFORM_SCREENING', ?, ?, ?, ?, ?)",
                    id,
                    grade,
                    description,
                    deadline.minusMonths(1),
                    deadline,
                    rectified);
            return this;
        }

        public Enterprise violation(LocalDate on, String article, Double fineMultiple) {
            jdbc.update(
                    "INSERT INTO violations (enterprise_id, occurred_on, description, law_article, fine_multiple)"
                            + " VALUES (?, ?, '违规操作', ?, ?)",
                    id,
                    on,
                    article,
                    fineMultiple);
            return this;
        }

        public Enterprise training(int year, int required, int trained) {
            jdbc.update(
                    "INSERT INTO trainings (enterprise_id, training_year, employees_required, employees_trained)"
                            + " VALUES (?, ?, ?, ?)",
                    id,
                    year,
                    required,
                    trained);
            return this;
        }

        public Enterprise drill(LocalDate planned, boolean completed) {
            jdbc.update(
                    "INSERT INTO drills (enterprise_id, kind, planned_on, completed_on) VALUES (?, 'SPECIAL', ?, ?)",
                    id,
                    planned,
                    completed ? planned : null);
            return this;
        }

        public Enterprise accident(LocalDate on, String grade, int deaths, boolean concealed) {
            jdbc.update(
                    "INSERT INTO accidents (enterprise_id, occurred_on, grade, deaths, concealed, description)"
                            + " VALUES (?, ?, ?, ?, ?, '事故')",
                    id,
                    on,
                    grade,
                    deaths,
                    concealed);
            return this;
        }

        public String code() {
            return code;
        }

        public long id() {
            return id;
        }
    }
}
