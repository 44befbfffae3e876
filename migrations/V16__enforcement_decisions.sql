-- What the law and the discretion benchmark allow for each violation an inspection found (行政处罚裁量), decided by
-- the enforcement-discretion DMN model of the rule-set version in force when the task's result came back. One row
-- per violation of a task result; the violation itself stays a fact in violations (violation_id) for credit and
-- risk. Amounts in whole yuan. Provenance as every decision keeps it: rule_set_version and fired_rules (a JSON
-- array of rule ordinals in that version).
CREATE TABLE enforcement_decisions (
    id                 BIGINT         NOT NULL AUTO_INCREMENT,
    task_id            BIGINT         NOT NULL,
    violation_id       BIGINT         NOT NULL,
    enterprise_id      BIGINT         NOT NULL,
    inspected_on       DATE           NOT NULL,
    article            INT            NOT NULL,  -- Work Safety Law 2021 article, e.g. 97
    item               INT            NULL,      -- its item (项), where the article has items
    circumstances      TEXT           NOT NULL,  -- JSON: the circumstances as the inspector reported them
    band               VARCHAR(12)    NOT NULL,  -- LENIENT, ORDINARY, SEVERE
    order_to_correct   BOOLEAN        NOT NULL,
    correction_days    INT            NULL,
    unit_fine_min      DECIMAL(14, 0) NOT NULL,  -- the legal range for the unit
    unit_fine_max      DECIMAL(14, 0) NOT NULL,
    person_fine_min    DECIMAL(14, 0) NULL,      -- the legal range for the responsible persons, where the law sets one
    person_fine_max    DECIMAL(14, 0) NULL,
    band_unit_min      DECIMAL(14, 0) NOT NULL,  -- the band's part of those ranges
    band_unit_max      DECIMAL(14, 0) NOT NULL,
    band_person_min    DECIMAL(14, 0) NULL,
    band_person_max    DECIMAL(14, 0) NULL,
    suspension         BOOLEAN        NOT NULL,  -- 责令停产停业整顿
    daily_fine         BOOLEAN        NOT NULL,  -- eligible for daily continuous fines (Art. 112)
    legal_basis        TEXT           NOT NULL,  -- JSON array of sentences (zh), article by article
    reasons            TEXT           NOT NULL,  -- JSON array of sentences (zh)
    rule_set_version   VARCHAR(64)    NOT NULL,
    fired_rules        VARCHAR(1024)  NOT NULL,
    decided_at         TIMESTAMP(3)   NOT NULL,
    CONSTRAINT pk_enforcement_decisions PRIMARY KEY (id)
);
CREATE INDEX ix_enforcement_decisions_task ON enforcement_decisions (task_id, id);
CREATE INDEX ix_enforcement_decisions_enterprise ON enforcement_decisions (enterprise_id, id);
