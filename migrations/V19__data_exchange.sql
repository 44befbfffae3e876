-- Data exchange with other departments: the facts they hold that had no place yet (licences, the decision
-- number of an administrative penalty, inspection results from other departments), the change feed of
-- SafeReg's decisions, and the record of imports.
-- MySQL dialect that also runs on H2 in MySQL mode.

-- enterprise: licences (安全生产许可证 and the like), keyed by their number
CREATE TABLE licences (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    licence_no     VARCHAR(64)   NOT NULL,  -- the number printed on the licence, unique across issuers
    kind           VARCHAR(32)   NOT NULL,  -- SAFETY_PRODUCTION, HAZARDOUS_CHEMICALS_OPERATION, HAZARDOUS_CHEMICALS_USE, MINING, OTHER
    issued_by      VARCHAR(128)  NULL,
    issued_on      DATE          NOT NULL,
    valid_until    DATE          NOT NULL,
    status         VARCHAR(16)   NOT NULL,  -- VALID, SUSPENDED, REVOKED, EXPIRED
    CONSTRAINT pk_licences PRIMARY KEY (id),
    CONSTRAINT uk_licences_number UNIQUE (licence_no),
    CONSTRAINT fk_licences_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_licences_enterprise ON licences (enterprise_id);

CREATE VIEW licences_view AS
SELECT id, enterprise_id, licence_no, kind, issued_by, issued_on, valid_until, status
  FROM licences;

-- enterprise: an administrative penalty (行政处罚) is a violation with the number of its decision
-- (行政处罚决定书文号); violations an inspection result records have none
ALTER TABLE violations ADD COLUMN decision_no VARCHAR(64) NULL;
CREATE UNIQUE INDEX uk_violations_decision_no ON violations (decision_no);

-- tasks: inspection results other departments report (检查记录), keyed by their record number
CREATE TABLE inspection_results (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id     BIGINT        NOT NULL,
    record_no         VARCHAR(64)   NOT NULL,
    department        VARCHAR(128)  NOT NULL,
    inspected_on      DATE          NOT NULL,
    violations_found  INT           NOT NULL,
    hazards_found     INT           NOT NULL,
    conclusion        VARCHAR(16)   NOT NULL,  -- PASSED, RECTIFY, PENALISED, SUSPENDED
    note              VARCHAR(255)  NULL,
    CONSTRAINT pk_inspection_results PRIMARY KEY (id),
    CONSTRAINT uk_inspection_results_record UNIQUE (record_no),
    CONSTRAINT fk_inspection_results_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_inspection_results_enterprise ON inspection_results (enterprise_id, inspected_on);

-- changes: every change of a decision (credit, risk, task), written in the decision's transaction with seq
-- NULL; the sequencer numbers committed entries in order (seq), under the lock of decision_change_sequence,
-- so that a reader following seq never passes an entry whose transaction commits later
CREATE TABLE decision_changes (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    seq               BIGINT        NULL,
    kind              VARCHAR(8)    NOT NULL,  -- CREDIT, RISK, TASK
    enterprise_id     BIGINT        NOT NULL,
    new_value         VARCHAR(64)   NOT NULL,  -- tier, level, or the task's event
    previous_value    VARCHAR(64)   NULL,
    detail            VARCHAR(255)  NULL,      -- score, cause, or the task's type
    ref               VARCHAR(64)   NULL,      -- task:<id>
    rule_set_version  CHAR(64)      NULL,
    decided_at        TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_decision_changes PRIMARY KEY (id),
    CONSTRAINT uk_decision_changes_seq UNIQUE (seq)
);
CREATE INDEX ix_decision_changes_unsequenced ON decision_changes (seq, id);

CREATE TABLE decision_change_sequence (
    name      VARCHAR(16)  NOT NULL,
    last_seq  BIGINT       NOT NULL,
    CONSTRAINT pk_decision_change_sequence PRIMARY KEY (name)
);
INSERT INTO decision_change_sequence (name, last_seq) VALUES ('feed', 0);

-- exchange: every import, and the row whose lock lets one import write at a time
CREATE TABLE exchange_imports (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    dataset       VARCHAR(24)   NOT NULL,
    format        VARCHAR(8)    NOT NULL,
    file_name     VARCHAR(255)  NULL,
    state         VARCHAR(12)   NOT NULL,  -- IMPORTED, REJECTED
    total_rows    INT           NOT NULL,
    inserted      INT           NOT NULL,
    updated       INT           NOT NULL,
    unchanged     INT           NOT NULL,
    error_count   INT           NOT NULL,
    enterprises   INT           NOT NULL,  -- enterprises whose facts changed
    requested_by  VARCHAR(64)   NULL,
    started_at    TIMESTAMP(3)  NOT NULL,
    finished_at   TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_exchange_imports PRIMARY KEY (id)
);

CREATE TABLE exchange_lock (
    name  VARCHAR(16)  NOT NULL,
    CONSTRAINT pk_exchange_lock PRIMARY KEY (name)
);
INSERT INTO exchange_lock (name) VALUES ('import');
