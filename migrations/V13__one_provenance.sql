-- Every decision keeps its provenance one way: the rule-set version it was made on (rule_set_version) and the
-- rules that fired, as a JSON array of their ordinals in that version (fired_rules, see rule_set_rules), as
-- credit, risk and plans already do. Alarms, their events and notifications kept the deciding rule's name, file,
-- sheet and row instead, and tasks both; they are turned into its ordinal here (none when the version's rules were
-- never recorded) and the copies dropped: the rule set is where a rule's place is written down.
DROP VIEW alarms_view;

ALTER TABLE alarms ADD COLUMN fired_rules VARCHAR(255) NULL;
UPDATE alarms
   SET fired_rules = (SELECT CONCAT('[', MIN(r.ordinal), ']') FROM rule_set_rules r
                       WHERE r.version = alarms.rule_set_version AND r.rule_name = alarms.rule_name)
 WHERE rule_name IS NOT NULL;
ALTER TABLE alarms DROP COLUMN rule_name;
ALTER TABLE alarms DROP COLUMN rule_file;
ALTER TABLE alarms DROP COLUMN rule_sheet;
ALTER TABLE alarms DROP COLUMN rule_row;

ALTER TABLE alarm_events ADD COLUMN fired_rules VARCHAR(255) NULL;
UPDATE alarm_events
   SET fired_rules = (SELECT CONCAT('[', MIN(r.ordinal), ']') FROM rule_set_rules r
                       WHERE r.version = alarm_events.rule_set_version AND r.rule_name = alarm_events.rule_name)
 WHERE rule_name IS NOT NULL;
ALTER TABLE alarm_events DROP COLUMN rule_name;
ALTER TABLE alarm_events DROP COLUMN rule_file;
ALTER TABLE alarm_events DROP COLUMN rule_sheet;
ALTER TABLE alarm_events DROP COLUMN rule_row;

ALTER TABLE notifications ADD COLUMN fired_rules VARCHAR(255) NULL;
UPDATE notifications
   SET fired_rules = (SELECT CONCAT('[', MIN(r.ordinal), ']') FROM rule_set_rules r
                       WHERE r.version = notifications.rule_set_version AND r.rule_name = notifications.rule_name)
 WHERE rule_name IS NOT NULL;
ALTER TABLE notifications DROP COLUMN rule_name;
ALTER TABLE notifications DROP COLUMN rule_file;
ALTER TABLE notifications DROP COLUMN rule_sheet;
ALTER TABLE notifications DROP COLUMN rule_row;

-- a task keeps every rule its evaluation fired (fired_rules) and which of them ordered it
ALTER TABLE enforcement_tasks ADD COLUMN deciding_rule INT NULL;
UPDATE enforcement_tasks
   SET deciding_rule = (SELECT MIN(r.ordinal) FROM rule_set_rules r
                         WHERE r.version = enforcement_tasks.rule_set_version
                           AND r.rule_name = enforcement_tasks.rule_name)
 WHERE rule_name IS NOT NULL;
ALTER TABLE enforcement_tasks DROP COLUMN rule_name;
ALTER TABLE enforcement_tasks DROP COLUMN rule_file;
ALTER TABLE enforcement_tasks DROP COLUMN rule_sheet;
ALTER TABLE enforcement_tasks DROP COLUMN rule_row;

-- monitoring: the alarms other features read, now with their provenance as every decision's
CREATE VIEW alarms_view AS
SELECT id, point_id, episode, enterprise_id, level, colour,
       state, reading_value, threshold, repeated, raised_at, changed_at,
       acknowledged_by, acknowledged_at, normal_at, cleared_at, rule_set_version, fired_rules,
       acknowledgement_round, awaiting_since
  FROM alarms;
