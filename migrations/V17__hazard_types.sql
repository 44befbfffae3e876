-- hazards: what hazard-types.xlsx made of each hazard's description when it was stored (its types, the words that
-- matched, the grade the table suggests, the provenance), and the platform screening flags: a self-check graded
-- GENERAL whose description matches a row that encodes an item of a major-hazard determination standard.
CREATE TABLE hazard_classifications (
    hazard_id         BIGINT        NOT NULL,
    suggested_grade   VARCHAR(8)    NOT NULL,  -- GENERAL, MAJOR
    rule_set_version  CHAR(64)      NOT NULL,
    fired_rules       TEXT          NOT NULL,  -- JSON: ordinals of the rows that classified it (rule_set_rules)
    classified_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT pk_hazard_classifications PRIMARY KEY (hazard_id),
    CONSTRAINT fk_hazard_classifications_hazard FOREIGN KEY (hazard_id) REFERENCES hazards (id) ON DELETE CASCADE
);

CREATE TABLE hazard_type_matches (
    hazard_id     BIGINT        NOT NULL,
    type_code     VARCHAR(40)   NOT NULL,
    type_name     VARCHAR(60)   NOT NULL,
    grade         VARCHAR(8)    NOT NULL,  -- the grade the matching row suggests
    criterion     VARCHAR(16)   NULL,      -- e.g. HC-12, IT-13.2, CM-2
    words         VARCHAR(255)  NOT NULL,  -- the words of the description that matched
    rule_ordinal  INT           NULL,      -- the row that matched (rule_set_rules of the classification's version)
    CONSTRAINT pk_hazard_type_matches PRIMARY KEY (hazard_id, type_code),
    CONSTRAINT fk_hazard_type_matches_hazard FOREIGN KEY (hazard_id) REFERENCES hazards (id) ON DELETE CASCADE
);
CREATE INDEX ix_hazard_type_matches_type ON hazard_type_matches (type_code);

CREATE TABLE hazard_screening_flags (
    hazard_id         BIGINT        NOT NULL,
    enterprise_id     BIGINT        NOT NULL,
    criterion         VARCHAR(16)   NOT NULL,
    type_code         VARCHAR(40)   NOT NULL,
    words             VARCHAR(255)  NOT NULL,
    rule_set_version  CHAR(64)      NOT NULL,
    fired_rules       VARCHAR(255)  NOT NULL,  -- JSON: the ordinal of the row that matched
    flagged_at        TIMESTAMP(3)  NOT NULL,
    resolution        VARCHAR(12)   NULL,      -- CONFIRMED (regraded MAJOR) or DISMISSED by department verification
    resolved_by       VARCHAR(100)  NULL,
    resolved_at       TIMESTAMP(3)  NULL,
    CONSTRAINT pk_hazard_screening_flags PRIMARY KEY (hazard_id),
    CONSTRAINT fk_hazard_screening_flags_hazard FOREIGN KEY (hazard_id) REFERENCES hazards (id) ON DELETE CASCADE
);
CREATE INDEX ix_hazard_screening_flags_enterprise ON hazard_screening_flags (enterprise_id);

CREATE VIEW hazard_types_view AS
SELECT hazard_id, type_code, type_name, grade, criterion
  FROM hazard_type_matches;

CREATE VIEW hazard_screening_flags_view AS
SELECT hazard_id, enterprise_id, criterion, type_code, words, rule_set_version, fired_rules, flagged_at,
       resolution, resolved_by, resolved_at
  FROM hazard_screening_flags;
