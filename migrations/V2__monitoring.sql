-- Monitoring (监测预警): monitoring points, alarm episodes and every transition of them.
-- MySQL dialect that also runs on H2 in MySQL mode (no engine options, no AS-alias upserts, no column
-- named after an H2 keyword such as VALUE).

-- One sensor measuring one metric on one piece of equipment. The code is the sensor id gateways send.
CREATE TABLE monitoring_points (
    id               BIGINT          NOT NULL AUTO_INCREMENT,
    code             VARCHAR(64)     NOT NULL,
    enterprise_id    BIGINT          NOT NULL,
    equipment_type   VARCHAR(32)     NOT NULL,  -- equipment class the thresholds are keyed by: GAS_DETECTOR, STORAGE_TANK, TOWER_CRANE, MINE_AREA, ...
    equipment_id     VARCHAR(64)     NOT NULL,
    equipment_name   VARCHAR(128)    NOT NULL,
    process_unit     VARCHAR(64)     NULL,      -- detectors on one unit corroborate each other
    metric           VARCHAR(32)     NOT NULL,  -- COMBUSTIBLE_GAS, TOXIC_GAS, OXYGEN, TANK_LEVEL, CRANE_LOAD, ...
    unit             VARCHAR(16)     NOT NULL,  -- the unit every reading of this point must be in
    rated_limit      DECIMAL(18, 4)  NULL,      -- rated or design value that %-of-rated setpoints refer to
    oel              DECIMAL(18, 4)  NULL,      -- occupational exposure limit of the toxic gas, in the point's unit
    created_at       TIMESTAMP(3)    NOT NULL,
    CONSTRAINT pk_monitoring_points PRIMARY KEY (id),
    CONSTRAINT uk_monitoring_points_code UNIQUE (code),
    CONSTRAINT fk_monitoring_points_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_monitoring_points_enterprise ON monitoring_points (enterprise_id, id);
CREATE INDEX ix_monitoring_points_unit ON monitoring_points (enterprise_id, process_unit);

-- One row per alarm episode: raised once, then its level may change, it is acknowledged by a person and it
-- clears when the value is back past the deadband (and it has been acknowledged: alarms latch).
CREATE TABLE alarms (
    id                BIGINT          NOT NULL AUTO_INCREMENT,
    point_id          BIGINT          NOT NULL,
    episode           BIGINT          NOT NULL,  -- per point; the unique key makes a second raise of one episode impossible
    enterprise_id     BIGINT          NOT NULL,
    level             TINYINT         NOT NULL,  -- 0 early warning (预警), 1 level-1 (一级), 2 level-2 (二级), 3 cut-off
    colour            VARCHAR(8)      NOT NULL,  -- RED, ORANGE, YELLOW, BLUE as the table maps the level
    state             VARCHAR(12)     NOT NULL,  -- RAISED, ACKNOWLEDGED, CLEARED
    reading_value     DECIMAL(18, 4)  NOT NULL,  -- the reading that raised it or last changed its level
    threshold         DECIMAL(18, 4)  NULL,      -- the setpoint crossed, in the point's unit
    repeated          BOOLEAN         NOT NULL DEFAULT FALSE,
    raised_at         TIMESTAMP(3)    NOT NULL,
    changed_at        TIMESTAMP(3)    NOT NULL,
    acknowledged_by   VARCHAR(64)     NULL,
    acknowledged_at   TIMESTAMP(3)    NULL,
    normal_at         TIMESTAMP(3)    NULL,      -- the value came back past the deadband (still latched until acknowledged)
    cleared_at        TIMESTAMP(3)    NULL,
    rule_set_version  CHAR(64)        NOT NULL,
    rule_name         VARCHAR(255)    NULL,
    rule_file         VARCHAR(255)    NULL,
    rule_sheet        VARCHAR(64)     NULL,
    rule_row          INT             NULL,
    CONSTRAINT pk_alarms PRIMARY KEY (id),
    CONSTRAINT uk_alarms_episode UNIQUE (point_id, episode),
    CONSTRAINT fk_alarms_point FOREIGN KEY (point_id) REFERENCES monitoring_points (id)
);
CREATE INDEX ix_alarms_enterprise ON alarms (enterprise_id, raised_at);
CREATE INDEX ix_alarms_state ON alarms (state, level, raised_at);
CREATE INDEX ix_alarms_raised ON alarms (raised_at);

-- Every transition of an alarm, with the rule that decided it.
CREATE TABLE alarm_events (
    id                BIGINT          NOT NULL AUTO_INCREMENT,
    alarm_id          BIGINT          NOT NULL,
    point_id          BIGINT          NOT NULL,
    event             VARCHAR(16)     NOT NULL,  -- RAISED, LEVEL_CHANGED, NORMAL, ACKNOWLEDGED, CLEARED
    level             TINYINT         NOT NULL,
    state             VARCHAR(12)     NOT NULL,  -- the alarm's state after the event
    reading_value     DECIMAL(18, 4)  NULL,
    occurred_at       TIMESTAMP(3)    NOT NULL,
    actor             VARCHAR(64)     NULL,      -- who acknowledged
    rule_set_version  CHAR(64)        NULL,
    rule_name         VARCHAR(255)    NULL,
    rule_file         VARCHAR(255)    NULL,
    rule_sheet        VARCHAR(64)     NULL,
    rule_row          INT             NULL,
    CONSTRAINT pk_alarm_events PRIMARY KEY (id),
    CONSTRAINT fk_alarm_events_alarm FOREIGN KEY (alarm_id) REFERENCES alarms (id)
);
CREATE INDEX ix_alarm_events_alarm ON alarm_events (alarm_id, id);
CREATE INDEX ix_alarm_events_point ON alarm_events (point_id, occurred_at);
