-- Rule-set management: every uploaded version's state and findings, which version is in force, and the audit
-- trail of who uploaded, approved, activated or rolled back what, when and why.
-- MySQL dialect that also runs on H2 in MySQL mode.

-- CANDIDATE (compiled, checks passed), REJECTED (did not compile or its examples failed; never activated),
-- APPROVED (a second policy admin agreed, for the four-eyes rule), ACTIVE (in force), RETIRED (was active).
ALTER TABLE rule_sets ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE rule_sets ADD COLUMN findings MEDIUMTEXT NULL;  -- JSON: problems, warnings and example results
ALTER TABLE rule_sets ADD COLUMN approved_by VARCHAR(64) NULL;
ALTER TABLE rule_sets ADD COLUMN approved_at TIMESTAMP(3) NULL;

-- Every activation, newest last: the last row names the version in force on every instance.
CREATE TABLE rule_set_activations (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    version       CHAR(64)      NOT NULL,
    activated_by  VARCHAR(64)   NOT NULL,
    activated_at  TIMESTAMP(3)  NOT NULL,
    reason        VARCHAR(500)  NULL,
    CONSTRAINT pk_rule_set_activations PRIMARY KEY (id),
    CONSTRAINT fk_rule_set_activations_version FOREIGN KEY (version) REFERENCES rule_sets (version)
);

CREATE TABLE rule_set_audit (
    id        BIGINT        NOT NULL AUTO_INCREMENT,
    at        TIMESTAMP(3)  NOT NULL,
    actor     VARCHAR(64)   NOT NULL,
    action    VARCHAR(16)   NOT NULL,  -- UPLOADED, REJECTED, APPROVED, ACTIVATED, ROLLED_BACK
    version   CHAR(64)      NOT NULL,
    reason    VARCHAR(500)  NULL,
    CONSTRAINT pk_rule_set_audit PRIMARY KEY (id)
);
CREATE INDEX ix_rule_set_audit_version ON rule_set_audit (version);

-- versions recorded before this migration were the ones the service started with
INSERT INTO rule_set_activations (version, activated_by, activated_at, reason)
SELECT version, author, created_at, comment FROM rule_sets ORDER BY created_at;
