-- Long jobs hold a lease: the instance running one (owner) writes heartbeat_at while it runs; a RUNNING row
-- whose heartbeat is older than the lease was abandoned by a dead instance and is taken over.
ALTER TABLE credit_jobs ADD COLUMN owner VARCHAR(128) NULL;

-- Full risk recomputes, one row a run, so that a run whose instance died is noticed and done again, and so
-- that every instance can tell whether the risk levels were last computed on the version in force.
CREATE TABLE risk_runs (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    cause             VARCHAR(16)   NOT NULL,
    state             VARCHAR(12)   NOT NULL,  -- RUNNING, SUCCEEDED, FAILED, ABANDONED
    rule_set_version  CHAR(64)      NOT NULL,
    owner             VARCHAR(128)  NOT NULL,
    started_at        TIMESTAMP(3)  NOT NULL,
    heartbeat_at      TIMESTAMP(3)  NULL,
    finished_at       TIMESTAMP(3)  NULL,
    error             VARCHAR(1000) NULL,
    CONSTRAINT pk_risk_runs PRIMARY KEY (id)
);
CREATE INDEX ix_risk_runs_state ON risk_runs (state, id);
CREATE INDEX ix_credit_jobs_state ON credit_jobs (state, id);
