-- Risk level (风险等级) of each enterprise: red / orange / yellow / blue as risk-level.xlsx decides it from the
-- enterprise's inherent risk, credit tier, open alarms and overdue hazards; and every change of it.
-- MySQL dialect that also runs on H2 in MySQL mode.

CREATE TABLE risk_results (
    enterprise_id     BIGINT        NOT NULL,
    level             VARCHAR(8)    NOT NULL,  -- RED, ORANGE, YELLOW, BLUE (major, large, general, low)
    reasons           TEXT          NOT NULL,  -- JSON: the facts behind the level, each with the rule that used it
    fired_rules       TEXT          NOT NULL,  -- JSON: ordinals of the rules that fired (rule_set_rules)
    rule_set_version  CHAR(64)      NOT NULL,
    evaluated_at      TIMESTAMP(3)  NOT NULL,
    content_hash      BIGINT        NOT NULL DEFAULT 0,  -- over everything but evaluated_at: unchanged results are not rewritten
    inputs            TEXT          NULL,      -- JSON: the facts the level was decided on (sector, major hazard source, tier, open alarms, overdue hazards)
    CONSTRAINT pk_risk_results PRIMARY KEY (enterprise_id),
    CONSTRAINT fk_risk_results_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_risk_results_level ON risk_results (level);

CREATE TABLE risk_history (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id     BIGINT        NOT NULL,
    level             VARCHAR(8)    NOT NULL,
    previous_level    VARCHAR(8)    NULL,
    cause             VARCHAR(24)   NOT NULL,  -- what changed: ALARMS, CREDIT, HAZARDS, INSPECTION_RESULT, ENTERPRISE, RULE_SET, SCHEDULE, STARTUP, REQUEST
    rule_set_version  CHAR(64)      NOT NULL,
    evaluated_at      TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_risk_history PRIMARY KEY (id)
);
CREATE INDEX ix_risk_history_enterprise ON risk_history (enterprise_id, evaluated_at);

-- the risk facts of a page of enterprises count their open alarms by level from this index alone
CREATE INDEX ix_alarms_enterprise_state ON alarms (enterprise_id, state, level);

INSERT INTO read_models (name, stale, changed_at) VALUES ('risk', FALSE, CURRENT_TIMESTAMP(3));
