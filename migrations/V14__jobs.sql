-- Long jobs of every kind (full credit evaluations, full risk recomputes, impact simulations, inspection plans)
-- report here how far they got, so that any instance answers about a job another instance runs. The instance
-- running a job (owner) writes heartbeat_at while it is queued or running; a job whose heartbeat is older than
-- the lease was abandoned by a dead instance and is marked FAILED. done is written a page at a time at most, and
-- at most once a second, never per item.
CREATE TABLE jobs (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(24)   NOT NULL,  -- CREDIT_EVALUATION, RISK_RECOMPUTE, IMPACT_SIMULATION, INSPECTION_PLAN
    state         VARCHAR(12)   NOT NULL,  -- QUEUED, RUNNING, SUCCEEDED, FAILED
    done          BIGINT        NOT NULL DEFAULT 0,
    total         BIGINT        NULL,      -- null until the job has counted its work
    requested_by  VARCHAR(64)   NULL,
    owner         VARCHAR(128)  NOT NULL,
    queued_at     TIMESTAMP(3)  NOT NULL,
    started_at    TIMESTAMP(3)  NULL,
    progress_at   TIMESTAMP(3)  NULL,      -- when done was last written: with started_at, the rate for the ETA
    heartbeat_at  TIMESTAMP(3)  NULL,
    finished_at   TIMESTAMP(3)  NULL,
    result        VARCHAR(512)  NULL,      -- the API path where what the job made is read
    error         TEXT          NULL,      -- JSON: an RFC 9457 problem detail, when FAILED
    CONSTRAINT pk_jobs PRIMARY KEY (id)
);
CREATE INDEX ix_jobs_state ON jobs (state, id);
CREATE INDEX ix_jobs_kind ON jobs (kind, id);
