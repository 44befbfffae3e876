package org.safereg.province;

import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** One {@link TableWriter} per generated table, each fact table behind the enterprises it references. */
final class ProvinceWriters {

    final TableWriter regions;
    final TableWriter enterprises;
    final TableWriter hazards;
    final TableWriter violations;
    final TableWriter trainings;
    final TableWriter drills;
    final TableWriter accidents;

    ProvinceWriters(JdbcTemplate jdbc) {
        regions = new TableWriter(
                jdbc, "regions", null, new String[] {"code", "name", "level", "parent_code"}, new int[] {
                    Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR
                });
        enterprises = new TableWriter(
                jdbc,
                "enterprises",
                regions,
                new String[] {
                    "id",
                    "credit_code",
                    "name",
                    "region_code",
                    "sector",
                    "scale",
                    "employees",
                    "major_hazard_level",
                    "standardisation_grade",
                    "licence_status",
                    "created_at"
                },
                new int[] {
                    Types.BIGINT,
                    Types.CHAR,
                    Types.VARCHAR,
                    Types.CHAR,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.INTEGER,
                    Types.TINYINT,
                    Types.TINYINT,
                    Types.VARCHAR,
                    Types.TIMESTAMP
                });
        hazards = new TableWriter(
                jdbc,
                "hazards",
                enterprises,
                new String[] {
                    "id",
                    "enterprise_id",
                    "source",
                    "grade",
                    "description",
                    "found_on",
                    "deadline",
                    "rectified_on",
                    "verified_on"
                },
                new int[] {
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.DATE,
                    Types.DATE,
                    Types.DATE,
                    Types.DATE
                });
        violations = new TableWriter(
                jdbc,
                "violations",
                enterprises,
                new String[] {
                    "id",
                    "enterprise_id",
                    "occurred_on",
                    "description",
                    "law_article",
                    "penalty_amount",
                    "fine_multiple"
                },
                new int[] {
                    Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.DECIMAL, Types.DECIMAL
                });
        trainings = new TableWriter(
                jdbc,
                "trainings",
                enterprises,
                new String[] {"enterprise_id", "training_year", "employees_required", "employees_trained"},
                new int[] {Types.BIGINT, Types.SMALLINT, Types.INTEGER, Types.INTEGER});
        drills = new TableWriter(
                jdbc,
                "drills",
                enterprises,
                new String[] {"id", "enterprise_id", "kind", "planned_on", "completed_on"},
                new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE});
        accidents = new TableWriter(
                jdbc,
                "accidents",
                enterprises,
                new String[] {"id", "enterprise_id", "occurred_on", "grade", "deaths", "concealed", "description"},
                new int[] {
                    Types.BIGINT, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.INTEGER, Types.BOOLEAN, Types.VARCHAR
                });
    }

    /** Parents before children, whatever each writer still holds. */
    void flush() {
        for (TableWriter writer : all()) {
            writer.flush();
        }
    }

    List<TableWriter> all() {
        return List.of(regions, enterprises, hazards, violations, trainings, drills, accidents);
    }
}
