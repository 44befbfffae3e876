-- Hazards, escalation and enforcement tasks (监测—预警—处置—反馈): who recorded and verified a hazard,
-- the notifications escalation sent, and the enforcement tasks for the dispatch system with their outbox.
-- MySQL dialect that also runs on H2 in MySQL mode.

ALTER TABLE hazards ADD COLUMN recorded_by VARCHAR(64) NULL;
ALTER TABLE hazards ADD COLUMN recorded_at TIMESTAMP(3) NULL;
ALTER TABLE hazards ADD COLUMN verified_by VARCHAR(64) NULL;
-- the enforcement task whose result found this hazard, if any
ALTER TABLE hazards ADD COLUMN found_by_task BIGINT NULL;

-- Work for the dispatch system (执法任务). The idempotency key names the cause (type, enterprise, reason,
-- trigger): a second decision for the same cause, on any instance, cannot create a second task.
CREATE TABLE enforcement_tasks (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    idempotency_key     VARCHAR(191)  NOT NULL,
    enterprise_id       BIGINT        NOT NULL,
    type                VARCHAR(24)   NOT NULL,  -- ON_SITE_INSPECTION, ENFORCEMENT_INSPECTION, POSTED_SUPERVISION, KEY_SUPERVISION, RECTIFICATION_REVIEW
    reason              VARCHAR(32)   NOT NULL,  -- MAJOR_HAZARD_OVERDUE, GENERAL_HAZARD_OVERDUE, CREDIT_TIER_FELL, ...
    trigger_ref         VARCHAR(64)   NOT NULL,  -- what caused it: hazard:<id>, credit-history:<id>, alarm:<id>
    hazard_id           BIGINT        NULL,
    legal_basis         VARCHAR(64)   NULL,      -- e.g. WSL-102 (Work Safety Law 2021 Art. 102)
    posted_supervision  BOOLEAN       NOT NULL DEFAULT FALSE,  -- 挂牌督办
    priority            TINYINT       NOT NULL,  -- 1 most urgent
    due_from            DATE          NOT NULL,
    due_by              DATE          NOT NULL,
    state               VARCHAR(12)   NOT NULL,  -- OPEN, CLAIMED, COMPLETED
    rule_set_version    CHAR(64)      NOT NULL,
    fired_rules         TEXT          NOT NULL,  -- JSON: ordinals of the rules that fired (rule_set_rules)
    rule_name           VARCHAR(255)  NULL,      -- the rule that ordered the task
    rule_file           VARCHAR(255)  NULL,
    rule_sheet          VARCHAR(64)   NULL,
    rule_row            INT           NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    claimed_by          VARCHAR(64)   NULL,
    claimed_at          TIMESTAMP(3)  NULL,
    completed_by        VARCHAR(64)   NULL,
    completed_at        TIMESTAMP(3)  NULL,
    result              TEXT          NULL,      -- JSON: the outcome the dispatch system reported
    CONSTRAINT pk_enforcement_tasks PRIMARY KEY (id),
    CONSTRAINT uk_enforcement_tasks_cause UNIQUE (idempotency_key),
    CONSTRAINT fk_enforcement_tasks_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_enforcement_tasks_state ON enforcement_tasks (state, priority, id);
CREATE INDEX ix_enforcement_tasks_enterprise ON enforcement_tasks (enterprise_id, id);

-- Transactional outbox: written in the transaction that creates the task, relayed to the Redis stream
-- afterwards; delivered_at is set only once the stream has the entry.
CREATE TABLE task_outbox (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    task_id       BIGINT        NOT NULL,
    event         VARCHAR(16)   NOT NULL,  -- CREATED
    payload       TEXT          NOT NULL,  -- JSON: the stream entry's fields
    created_at    TIMESTAMP(3)  NOT NULL,
    delivered_at  TIMESTAMP(3)  NULL,
    stream_id     VARCHAR(32)   NULL,      -- the entry id the stream gave it
    CONSTRAINT pk_task_outbox PRIMARY KEY (id),
    CONSTRAINT uk_task_outbox_event UNIQUE (task_id, event),
    CONSTRAINT fk_task_outbox_task FOREIGN KEY (task_id) REFERENCES enforcement_tasks (id)
);
CREATE INDEX ix_task_outbox_pending ON task_outbox (delivered_at, id);

-- Escalation (逐级推送): every notification sent, once per step. The step key names the cause and the step
-- (alarm:<id>:<recipient>, hazard:<id>:reminder:<recipient>), so a step happens once whatever runs it.
CREATE TABLE notifications (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    step_key          VARCHAR(191)  NOT NULL,
    enterprise_id     BIGINT        NOT NULL,
    alarm_id          BIGINT        NULL,
    hazard_id         BIGINT        NULL,
    recipient         VARCHAR(24)   NOT NULL,  -- SAFETY_OFFICER, PRINCIPAL, COUNTY, CITY, PROVINCE
    region_code       CHAR(6)       NULL,      -- the regulator's region for COUNTY, CITY, PROVINCE
    channel           VARCHAR(16)   NOT NULL,  -- SMS, PHONE, APP
    message           VARCHAR(500)  NOT NULL,
    rule_set_version  CHAR(64)      NOT NULL,
    rule_name         VARCHAR(255)  NULL,
    rule_file         VARCHAR(255)  NULL,
    rule_sheet        VARCHAR(64)   NULL,
    rule_row          INT           NULL,
    created_at        TIMESTAMP(3)  NOT NULL,
    published_at      TIMESTAMP(3)  NULL,      -- on the Redis stream safereg:notifications
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT uk_notifications_step UNIQUE (step_key),
    CONSTRAINT fk_notifications_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_notifications_alarm ON notifications (alarm_id);
CREATE INDEX ix_notifications_hazard ON notifications (hazard_id);
CREATE INDEX ix_notifications_unpublished ON notifications (published_at, id);

-- escalation looks for tier changes of the last days on every run
CREATE INDEX ix_credit_history_evaluated ON credit_history (evaluated_at);
