-- SafeReg core domain: regions, enterprises and the facts the credit model reads.
-- MySQL dialect that also runs on H2 in MySQL mode (no engine options, no AS-alias upserts).

CREATE TABLE regions (
    code         CHAR(6)      NOT NULL,           -- administrative division code (行政区划代码)
    name         VARCHAR(64)  NOT NULL,
    level        VARCHAR(8)   NOT NULL,           -- PROVINCE, CITY, COUNTY
    parent_code  CHAR(6)      NULL,
    CONSTRAINT pk_regions PRIMARY KEY (code),
    CONSTRAINT fk_regions_parent FOREIGN KEY (parent_code) REFERENCES regions (code)
);

CREATE TABLE enterprises (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    credit_code            CHAR(18)      NOT NULL,  -- unified social credit code (统一社会信用代码)
    name                   VARCHAR(128)  NOT NULL,
    region_code            CHAR(6)       NOT NULL,  -- county
    sector                 VARCHAR(24)   NOT NULL,  -- COAL_MINE, NON_COAL_MINE, HAZARDOUS_CHEMICALS, METAL_SMELTING, CONSTRUCTION, OTHER
    scale                  VARCHAR(8)    NOT NULL,  -- LARGE, MEDIUM, SMALL, MICRO
    employees              INT           NOT NULL,
    major_hazard_level     TINYINT       NULL,      -- 1 (highest) to 4; NULL when it has no major hazard source
    standardisation_grade  TINYINT       NULL,      -- 1 to 3; NULL when ungraded
    licence_status         VARCHAR(16)   NOT NULL,  -- VALID, SUSPENDED, REVOKED, NONE, NOT_REQUIRED
    created_at             TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_enterprises PRIMARY KEY (id),
    CONSTRAINT uk_enterprises_credit_code UNIQUE (credit_code),
    CONSTRAINT fk_enterprises_region FOREIGN KEY (region_code) REFERENCES regions (code)
);
CREATE INDEX ix_enterprises_region ON enterprises (region_code, sector);

CREATE TABLE hazards (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    source         VARCHAR(24)   NOT NULL,  -- SELF_CHECK, PLATFORM_SCREENING, DEPARTMENT_VERIFICATION
    grade          VARCHAR(8)    NOT NULL,  -- GENERAL, MAJOR
    description    VARCHAR(255)  NOT NULL,
    found_on       DATE          NOT NULL,
    deadline       DATE          NOT NULL,  -- rectification deadline
    rectified_on   DATE          NULL,
    verified_on    DATE          NULL,      -- acceptance check (验收)
    CONSTRAINT pk_hazards PRIMARY KEY (id),
    CONSTRAINT fk_hazards_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_hazards_enterprise ON hazards (enterprise_id, grade, deadline);
CREATE INDEX ix_hazards_deadline ON hazards (grade, deadline);

CREATE TABLE violations (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    enterprise_id   BIGINT         NOT NULL,
    occurred_on     DATE           NOT NULL,
    description     VARCHAR(255)   NOT NULL,
    law_article     VARCHAR(32)    NULL,     -- e.g. "安全生产法 第一百一十四条" recorded as "WSL-114"
    penalty_amount  DECIMAL(14, 2) NULL,     -- yuan
    fine_multiple   DECIMAL(4, 1)  NULL,     -- fines set as a multiple of a base amount (Art. 114: 2-5x)
    CONSTRAINT pk_violations PRIMARY KEY (id),
    CONSTRAINT fk_violations_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_violations_enterprise ON violations (enterprise_id, occurred_on);
CREATE INDEX ix_violations_occurred ON violations (occurred_on);

CREATE TABLE trainings (
    enterprise_id        BIGINT    NOT NULL,
    training_year        SMALLINT  NOT NULL,
    employees_required   INT       NOT NULL,  -- employees who must receive safety training that year
    employees_trained    INT       NOT NULL,
    CONSTRAINT pk_trainings PRIMARY KEY (enterprise_id, training_year),
    CONSTRAINT fk_trainings_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);

CREATE TABLE drills (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,  -- COMPREHENSIVE, SPECIAL, ON_SITE
    planned_on     DATE         NOT NULL,
    completed_on   DATE         NULL,
    CONSTRAINT pk_drills PRIMARY KEY (id),
    CONSTRAINT fk_drills_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_drills_enterprise ON drills (enterprise_id, planned_on);
CREATE INDEX ix_drills_planned ON drills (planned_on);

CREATE TABLE accidents (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    enterprise_id  BIGINT        NOT NULL,
    occurred_on    DATE          NOT NULL,
    grade          VARCHAR(20)   NOT NULL,  -- ESPECIALLY_SERIOUS 特别重大, SERIOUS 重大, LARGER 较大, GENERAL 一般
    deaths         INT           NOT NULL DEFAULT 0,
    concealed      BOOLEAN       NOT NULL DEFAULT FALSE,  -- concealed or falsely reported (瞒报/谎报)
    description    VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_accidents PRIMARY KEY (id),
    CONSTRAINT fk_accidents_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_accidents_enterprise ON accidents (enterprise_id, occurred_on);
CREATE INDEX ix_accidents_occurred ON accidents (occurred_on);

-- Rule-set versions: the full content of rules/ and decision-tables/, named by its content hash.
CREATE TABLE rule_sets (
    version         CHAR(64)      NOT NULL,
    parent_version  CHAR(64)      NULL,
    author          VARCHAR(64)   NOT NULL,
    comment         VARCHAR(255)  NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_rule_sets PRIMARY KEY (version)
);

CREATE TABLE rule_set_files (
    version   CHAR(64)      NOT NULL,
    path      VARCHAR(255)  NOT NULL,
    sha256    CHAR(64)      NOT NULL,
    rules     INT           NOT NULL,
    content   LONGBLOB      NOT NULL,
    CONSTRAINT pk_rule_set_files PRIMARY KEY (version, path),
    CONSTRAINT fk_rule_set_files_version FOREIGN KEY (version) REFERENCES rule_sets (version)
);

-- Every rule of a version with where it comes from; decisions name the rules that fired by ordinal.
CREATE TABLE rule_set_rules (
    version       CHAR(64)      NOT NULL,
    ordinal       INT           NOT NULL,
    package_name  VARCHAR(255)  NOT NULL,
    rule_name     VARCHAR(255)  NOT NULL,
    file          VARCHAR(255)  NOT NULL,
    sheet         VARCHAR(64)   NULL,
    rule_table    VARCHAR(128)  NULL,
    sheet_row     INT           NULL,
    CONSTRAINT pk_rule_set_rules PRIMARY KEY (version, ordinal),
    CONSTRAINT fk_rule_set_rules_version FOREIGN KEY (version) REFERENCES rule_sets (version)
);

-- Current credit of each enterprise, and every change of it.
CREATE TABLE credit_results (
    enterprise_id     BIGINT         NOT NULL,
    score             DECIMAL(5, 2)  NOT NULL,
    tier              CHAR(1)        NOT NULL,
    score_tier        CHAR(1)        NOT NULL,  -- the tier the score alone earns, before vetoes
    measures          TEXT           NOT NULL,  -- JSON: the raw facts (counts) behind the indicators
    indicators        TEXT           NOT NULL,  -- JSON: per-indicator value, points, weight
    vetoes            TEXT           NOT NULL,  -- JSON
    fired_rules       TEXT           NOT NULL,  -- JSON: ordinals of the rules that fired (rule_set_rules)
    rule_set_version  CHAR(64)       NOT NULL,
    evaluated_at      TIMESTAMP(3)   NOT NULL,
    content_hash      BIGINT         NOT NULL,  -- over everything but evaluated_at: unchanged results are not rewritten
    CONSTRAINT pk_credit_results PRIMARY KEY (enterprise_id),
    CONSTRAINT fk_credit_results_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_credit_results_tier ON credit_results (tier);

CREATE TABLE credit_history (
    id                BIGINT         NOT NULL AUTO_INCREMENT,
    enterprise_id     BIGINT         NOT NULL,
    score             DECIMAL(5, 2)  NOT NULL,
    tier              CHAR(1)        NOT NULL,
    previous_tier     CHAR(1)        NULL,
    vetoes            TEXT           NOT NULL,
    rule_set_version  CHAR(64)       NOT NULL,
    evaluated_at      TIMESTAMP(3)   NOT NULL,
    job_id            BIGINT         NULL,
    CONSTRAINT pk_credit_history PRIMARY KEY (id)
);
CREATE INDEX ix_credit_history_enterprise ON credit_history (enterprise_id, evaluated_at);

-- Credit evaluation runs, shared by all instances so that any of them can report progress.
CREATE TABLE credit_jobs (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    trigger_source    VARCHAR(16)   NOT NULL,  -- API, SCHEDULE, STARTUP
    requested_by      VARCHAR(64)   NULL,
    state             VARCHAR(12)   NOT NULL,  -- RUNNING, SUCCEEDED, FAILED
    total             INT           NOT NULL DEFAULT 0,
    processed         INT           NOT NULL DEFAULT 0,
    changed           INT           NOT NULL DEFAULT 0,
    failed            INT           NOT NULL DEFAULT 0,
    rule_set_version  CHAR(64)      NULL,
    started_at        TIMESTAMP(3)  NOT NULL,
    heartbeat_at      TIMESTAMP(3)  NULL,      -- last progress; a RUNNING job without one for long was abandoned
    finished_at       TIMESTAMP(3)  NULL,
    error             VARCHAR(1000) NULL,
    CONSTRAINT pk_credit_jobs PRIMARY KEY (id)
);

-- ShedLock: one instance at a time runs a scheduled job.
CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL,
    lock_until  TIMESTAMP(3)  NOT NULL,
    locked_at   TIMESTAMP(3)  NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);

-- Whether a read model in Redis may be behind MySQL (a write to Redis failed); readers then go to MySQL
-- until it has been rebuilt.
CREATE TABLE read_models (
    name        VARCHAR(32)   NOT NULL,
    stale       BOOLEAN       NOT NULL,
    changed_at  TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_read_models PRIMARY KEY (name)
);
INSERT INTO read_models (name, stale, changed_at) VALUES ('credit', FALSE, CURRENT_TIMESTAMP(3));
