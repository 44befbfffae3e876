-- The outcome indicators (indicators package) read the facts of several features. Each owner publishes here
-- the view of its table the indicators need, named column by column (see V12 for the others), and the
-- indexes that let the indicators aggregate a period of a province without scanning every row.

-- tasks: enforcement tasks; a completed one is an inspection with its reported result. Whether the result
-- reported violations is said here, by the owner of the result's format (a JSON object whose "violations"
-- array is empty or absent when none were found), so that readers never parse it.
CREATE VIEW enforcement_tasks_view AS
SELECT id, enterprise_id, type, reason, trigger_ref, state, created_at, completed_by, completed_at,
       CASE WHEN result LIKE '%"violations":[{%' THEN 1 ELSE 0 END AS found_violations
  FROM enforcement_tasks;

-- inspection: who was sent where by an accepted plan; the tasks of a plan name its items in their trigger
-- (inspection-plan:<plan id>:item:<seq>)
CREATE VIEW inspection_plan_items_view AS
SELECT i.plan_id, i.seq, i.enterprise_id, i.kind, i.inspector_id, i.inspector_name, p.state AS plan_state,
       p.period_start, p.period_end
  FROM inspection_plan_items i JOIN inspection_plans p ON p.id = i.plan_id;

-- risk: every change of an enterprise's risk level
CREATE VIEW risk_history_view AS
SELECT id, enterprise_id, level, previous_level, cause, rule_set_version, evaluated_at
  FROM risk_history;

-- covering indexes: a province-wide period reads hazards by date alone, a region's or sector's from its
-- enterprises; neither goes back to the rows
CREATE INDEX ix_hazards_found ON hazards (found_on, source, grade, enterprise_id);
CREATE INDEX ix_hazards_verified ON hazards (verified_on, found_on, enterprise_id);
CREATE INDEX ix_hazards_enterprise_found ON hazards (enterprise_id, found_on, source, grade);
CREATE INDEX ix_hazards_enterprise_verified ON hazards (enterprise_id, verified_on, found_on);
-- enterprise: a sector's enterprises without scanning all of them
CREATE INDEX ix_enterprises_sector ON enterprises (sector, region_code);
CREATE INDEX ix_enforcement_tasks_completed ON enforcement_tasks (completed_at);
CREATE INDEX ix_risk_history_evaluated ON risk_history (evaluated_at);
