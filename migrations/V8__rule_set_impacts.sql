-- The last impact simulation of each pair of versions (candidate, version compared against), as the report
-- policy staff read: every instance serves it, whichever instance simulated it.
CREATE TABLE rule_set_impacts (
    version        CHAR(64)      NOT NULL,
    against        CHAR(64)      NOT NULL,
    evaluated_at   TIMESTAMP(3)  NOT NULL,
    report         MEDIUMTEXT    NOT NULL,  -- JSON: the report as the API answers it
    CONSTRAINT pk_rule_set_impacts PRIMARY KEY (version, against),
    CONSTRAINT fk_rule_set_impacts_version FOREIGN KEY (version) REFERENCES rule_sets (version),
    CONSTRAINT fk_rule_set_impacts_against FOREIGN KEY (against) REFERENCES rule_sets (version)
);
