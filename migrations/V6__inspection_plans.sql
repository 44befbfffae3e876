-- Inspection plans (检查计划): which enterprises of a region are inspected in a period, by whom, and why, as
-- inspection-frequency.xlsx and a seeded draw decided them; stored with the seed, the inputs and a digest so
-- that the draw can be published and re-checked (双随机、一公开). MySQL dialect that also runs on H2 in MySQL mode.

CREATE TABLE inspection_plans (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    region_code       CHAR(6)       NOT NULL,
    period_kind       VARCHAR(8)    NOT NULL,  -- MONTH, QUARTER, YEAR
    period_start      DATE          NOT NULL,
    period_end        DATE          NOT NULL,  -- inclusive
    seed              BIGINT        NOT NULL,
    state             VARCHAR(10)   NOT NULL,  -- PROPOSED, ACCEPTED
    rule_set_version  CHAR(64)      NOT NULL,
    inputs            LONGTEXT      NOT NULL,  -- JSON: the request (region, period, inspectors, seed) as planned
    facts_digest      CHAR(64)      NOT NULL,  -- SHA-256 over the enterprise facts the plan read
    digest            CHAR(64)      NOT NULL,  -- SHA-256 over seed, version, period and every item
    population        TEXT          NOT NULL,  -- JSON: enterprises in scope by tier and by risk level (uniform comparison)
    warnings          TEXT          NOT NULL,  -- JSON: what the plan could not do (random share, unassigned draws)
    mandatory_items   INT           NOT NULL,
    random_items      INT           NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP(3)  NOT NULL,
    accepted_by       VARCHAR(64)   NULL,
    accepted_at       TIMESTAMP(3)  NULL,
    CONSTRAINT pk_inspection_plans PRIMARY KEY (id),
    CONSTRAINT fk_inspection_plans_region FOREIGN KEY (region_code) REFERENCES regions (code)
);
CREATE INDEX ix_inspection_plans_region ON inspection_plans (region_code, period_start);

CREATE TABLE inspection_plan_items (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    plan_id         BIGINT        NOT NULL,
    seq             INT           NOT NULL,  -- order in the plan: mandatory first, then by priority and due date
    enterprise_id   BIGINT        NOT NULL,
    kind            VARCHAR(10)   NOT NULL,  -- MANDATORY (key supervision 重点监管), RANDOM (drawn from the pool 双随机)
    credit_tier     VARCHAR(8)    NOT NULL,  -- A-D, UNRATED
    risk_level      VARCHAR(12)   NOT NULL,  -- RED, ORANGE, YELLOW, BLUE, NOT_ASSESSED
    due_from        DATE          NOT NULL,
    due_to          DATE          NOT NULL,
    priority        TINYINT       NOT NULL,  -- 1 (first) to 4
    inspector_id    VARCHAR(64)   NULL,      -- NULL: a drawn item no inspector had capacity for (listed in warnings)
    inspector_name  VARCHAR(64)   NULL,
    fired_rules     VARCHAR(255)  NOT NULL,  -- JSON: ordinals of the inspection-frequency rules that decided it
    note            VARCHAR(64)   NULL,      -- RANDOM_SHARE_TOP_UP when drawn to reach the plan's random share
    focus           TEXT          NOT NULL,  -- JSON: open hazards, recent alarms, past violations
    CONSTRAINT pk_inspection_plan_items PRIMARY KEY (id),
    CONSTRAINT uk_inspection_plan_items_seq UNIQUE (plan_id, seq),
    CONSTRAINT fk_inspection_plan_items_plan FOREIGN KEY (plan_id) REFERENCES inspection_plans (id),
    CONSTRAINT fk_inspection_plan_items_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_inspection_plan_items_enterprise ON inspection_plan_items (enterprise_id, plan_id);

-- Focus points read the open hazards of the planned enterprises: without this index every hazard an
-- enterprise ever had is read to find the few still open.
CREATE INDEX ix_hazards_open ON hazards (enterprise_id, rectified_on);
