-- Coal-mine personnel positioning (人员定位, AQ 1119-2023): the mine areas a positioning system reports, every
-- enter/leave event of a person card, who is in which area since when, and the cards an area alarm names.
-- Redis holds the live presence for all instances; these tables are what it is rebuilt from.
-- MySQL dialect that also runs on H2 in MySQL mode. No foreign keys to monitoring's tables: an area's monitoring
-- points are linked by code (<area code>:OCCUPANCY, :ENTRY, :DWELL).

-- One area of one mine. Its type decides which alarms it has: RESTRICTED (限制区域) an alarm for anyone in it,
-- KEY (重点区域) an alarm when over its capacity, DANGER and NORMAL only over-long dwell when a dwell limit is set.
CREATE TABLE mine_areas (
    id                   BIGINT          NOT NULL AUTO_INCREMENT,
    code                 VARCHAR(48)     NOT NULL,  -- the area id positioning gateways send
    enterprise_id        BIGINT          NOT NULL,
    name                 VARCHAR(128)    NOT NULL,
    area_type            VARCHAR(12)     NOT NULL,  -- RESTRICTED, KEY, DANGER, NORMAL
    capacity             INT             NULL,      -- persons a KEY area may hold (the occupancy point's rated limit)
    dwell_limit_minutes  INT             NULL,      -- longest stay before an over-long dwell alarm (the dwell point's rated limit)
    created_at           TIMESTAMP(3)    NOT NULL,
    CONSTRAINT pk_mine_areas PRIMARY KEY (id),
    CONSTRAINT uk_mine_areas_code UNIQUE (code),
    CONSTRAINT fk_mine_areas_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
);
CREATE INDEX ix_mine_areas_enterprise ON mine_areas (enterprise_id, id);

-- Every position event taken, in the order it was taken.
CREATE TABLE position_events (
    id            BIGINT          NOT NULL AUTO_INCREMENT,
    area_id       BIGINT          NOT NULL,
    card          VARCHAR(32)     NOT NULL,  -- the person's positioning card (标识卡)
    action        VARCHAR(8)      NOT NULL,  -- ENTER, LEAVE
    occurred_at   TIMESTAMP(3)    NOT NULL,  -- as the gateway reported it
    received_at   TIMESTAMP(3)    NOT NULL,
    CONSTRAINT pk_position_events PRIMARY KEY (id),
    CONSTRAINT fk_position_events_area FOREIGN KEY (area_id) REFERENCES mine_areas (id)
);
CREATE INDEX ix_position_events_area ON position_events (area_id, occurred_at);
CREATE INDEX ix_position_events_card ON position_events (card, occurred_at);

-- Who is in which area since when (the last taken ENTER without a LEAVE after it).
CREATE TABLE mine_area_presence (
    area_id       BIGINT          NOT NULL,
    card          VARCHAR(32)     NOT NULL,
    entered_at    TIMESTAMP(3)    NOT NULL,
    CONSTRAINT pk_mine_area_presence PRIMARY KEY (area_id, card),
    CONSTRAINT fk_mine_area_presence_area FOREIGN KEY (area_id) REFERENCES mine_areas (id)
);

-- The person cards an area alarm is about: those in a restricted area, in an over-crowded key area, or over the
-- dwell limit, when the alarm was raised or its level went up, and anyone entering a restricted area while its
-- alarm is open. alarm_id is alarms.id.
CREATE TABLE mine_alarm_persons (
    alarm_id      BIGINT          NOT NULL,
    card          VARCHAR(32)     NOT NULL,
    area_id       BIGINT          NOT NULL,
    entered_at    TIMESTAMP(3)    NULL,      -- when the card entered the area, as far as it was known
    named_at      TIMESTAMP(3)    NOT NULL,
    CONSTRAINT pk_mine_alarm_persons PRIMARY KEY (alarm_id, card),
    CONSTRAINT fk_mine_alarm_persons_area FOREIGN KEY (area_id) REFERENCES mine_areas (id)
);
