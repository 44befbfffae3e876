-- Each feature owns its tables (see @OwnsTables in each package-info.java). Another feature reads them only
-- through these views, which their owner publishes and keeps: a column the owner renames or drops is renamed
-- back here, so that its readers do not change. Columns are listed one by one, never *, for that reason.

-- enterprise: the register and the facts other departments hold
CREATE VIEW enterprises_view AS
SELECT id, credit_code, name, region_code, sector, scale,
       employees, major_hazard_level, standardisation_grade, licence_status, created_at
  FROM enterprises;

CREATE VIEW regions_view AS
SELECT code, name, level, parent_code
  FROM regions;

CREATE VIEW violations_view AS
SELECT id, enterprise_id, occurred_on, description, law_article, penalty_amount,
       fine_multiple
  FROM violations;

CREATE VIEW trainings_view AS
SELECT enterprise_id, training_year, employees_required, employees_trained
  FROM trainings;

CREATE VIEW drills_view AS
SELECT id, enterprise_id, kind, planned_on, completed_on
  FROM drills;

CREATE VIEW accidents_view AS
SELECT id, enterprise_id, occurred_on, grade, deaths, concealed,
       description
  FROM accidents;

-- hazards: hazards and their rectification
CREATE VIEW hazards_view AS
SELECT id, enterprise_id, source, grade, description, found_on,
       deadline, rectified_on, verified_on, recorded_by, recorded_at, verified_by,
       found_by_task
  FROM hazards;

-- monitoring: monitoring points and their alarms
CREATE VIEW monitoring_points_view AS
SELECT id, code, enterprise_id, equipment_type, equipment_id, equipment_name,
       process_unit, metric, unit, rated_limit, oel, created_at
  FROM monitoring_points;

CREATE VIEW alarms_view AS
SELECT id, point_id, episode, enterprise_id, level, colour,
       state, reading_value, threshold, repeated, raised_at, changed_at,
       acknowledged_by, acknowledged_at, normal_at, cleared_at, rule_set_version, rule_name,
       rule_file, rule_sheet, rule_row, acknowledgement_round, awaiting_since
  FROM alarms;

-- credit: current credit and its history
CREATE VIEW credit_results_view AS
SELECT enterprise_id, score, tier, score_tier, measures, indicators,
       vetoes, fired_rules, rule_set_version, evaluated_at
  FROM credit_results;

CREATE VIEW credit_history_view AS
SELECT id, enterprise_id, score, tier, previous_tier, vetoes,
       rule_set_version, evaluated_at, job_id
  FROM credit_history;

-- risk: current risk levels
CREATE VIEW risk_results_view AS
SELECT enterprise_id, level, reasons, inputs, fired_rules, rule_set_version,
       evaluated_at
  FROM risk_results;
