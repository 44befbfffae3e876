-- A long job split into partitions (credit and risk recomputes by region) that several instances share: each
-- instance claims an OPEN partition (owner, heartbeat_at), works it and marks it DONE with what it did. A
-- RUNNING partition whose heartbeat is older than the lease was abandoned by a dead instance and is claimed
-- again by another. The instance that started the run (the coordinator) writes run_heartbeat_at into every
-- partition of its run while it waits, adds up the partitions and finishes the run once every partition is
-- DONE; partitions of a run whose coordinator fell silent are no longer taken (the run is done again anew).
CREATE TABLE job_partitions (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    kind           VARCHAR(24)   NOT NULL,  -- the run's kind: CREDIT_EVALUATION, RISK_RECOMPUTE
    run_id         BIGINT        NOT NULL,  -- the feature's run (credit_jobs.id, risk_runs.id)
    partition_key  VARCHAR(32)   NOT NULL,  -- e.g. a city's region code prefix
    context        VARCHAR(128)  NOT NULL,  -- what every partition must be worked on (the rule-set version)
    state          VARCHAR(12)   NOT NULL,  -- OPEN, RUNNING, DONE, FAILED (3 attempts failed), CANCELLED
    owner          VARCHAR(128)  NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    claimed_at     TIMESTAMP(3)  NULL,
    heartbeat_at   TIMESTAMP(3)  NULL,
    run_heartbeat_at TIMESTAMP(3) NOT NULL,  -- the coordinator's, on every partition of its run
    finished_at    TIMESTAMP(3)  NULL,
    items          BIGINT        NOT NULL DEFAULT 0,  -- enterprises decided
    changed        BIGINT        NOT NULL DEFAULT 0,
    failed         BIGINT        NOT NULL DEFAULT 0,
    error          VARCHAR(1000) NULL,      -- the first item that could not be decided, or why it FAILED
    CONSTRAINT pk_job_partitions PRIMARY KEY (id),
    CONSTRAINT uk_job_partitions UNIQUE (kind, run_id, partition_key)
);
CREATE INDEX ix_job_partitions_claim ON job_partitions (kind, state, id);
