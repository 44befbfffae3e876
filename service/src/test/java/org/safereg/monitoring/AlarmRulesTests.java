package org.safereg.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleOrigin;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;

/** The shipped alarm thresholds, read as a policy officer reads decision-tables/alarm-thresholds.xlsx. */
class AlarmRulesTests {

    /** Readings spanning five minutes: long enough for a trend to count. */
    private static final double TREND_SPAN_SECONDS = 300;

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static RuleSetSnapshot rules;

    @BeforeAll
    static void compileTheShippedRuleSet() {
        rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(REPOSITORY));
    }

    @ParameterizedTest(name = "{0} on {1} (rated {2}, OEL {3}) at {4}: level {5}")
    @CsvSource(
            textBlock =
                    """
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   0,     -1
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   24.99, -1
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   25,    1
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   49.99, 1
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   50,    2
            COMBUSTIBLE_GAS,       GAS_DETECTOR, ,    ,   100,   2
            TOXIC_GAS,             GAS_DETECTOR, ,    10, 9.99,  -1
            TOXIC_GAS,             GAS_DETECTOR, ,    10, 10,    1
            TOXIC_GAS,             GAS_DETECTOR, ,    10, 19.99, 1
            TOXIC_GAS,             GAS_DETECTOR, ,    10, 20,    2
            OXYGEN,                GAS_DETECTOR, ,    ,   19.51, -1
            OXYGEN,                GAS_DETECTOR, ,    ,   19.5,  2
            OXYGEN,                GAS_DETECTOR, ,    ,   20.9,  -1
            OXYGEN,                GAS_DETECTOR, ,    ,   23.49, -1
            OXYGEN,                GAS_DETECTOR, ,    ,   23.5,  2
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   17.99, -1
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   18,    1
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   19,    2
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   2.01,  -1
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   2,     1
            TANK_LEVEL,            STORAGE_TANK, 20,  ,   1,     2
            TANK_PRESSURE,         STORAGE_TANK, 1.6, ,   1.43,  -1
            TANK_PRESSURE,         STORAGE_TANK, 1.6, ,   1.44,  1
            TANK_PRESSURE,         STORAGE_TANK, 1.6, ,   1.6,   2
            TANK_TEMPERATURE,      STORAGE_TANK, 60,  ,   54,    1
            TANK_TEMPERATURE,      STORAGE_TANK, 60,  ,   60,    2
            CRANE_LOAD,            TOWER_CRANE,  10,  ,   8.99,  -1
            CRANE_LOAD,            TOWER_CRANE,  10,  ,   9,     1
            CRANE_LOAD,            TOWER_CRANE,  10,  ,   10,    2
            CRANE_LOAD,            TOWER_CRANE,  10,  ,   10.49, 2
            CRANE_LOAD,            TOWER_CRANE,  10,  ,   10.5,  3
            CRANE_MOMENT,          TOWER_CRANE,  80,  ,   72,    1
            CRANE_MOMENT,          TOWER_CRANE,  80,  ,   84,    3
            WIND_SPEED,            TOWER_CRANE,  20,  ,   9.99,  -1
            WIND_SPEED,            TOWER_CRANE,  20,  ,   10,    1
            WIND_SPEED,            TOWER_CRANE,  20,  ,   20,    2
            CRANE_TILT,            TOWER_CRANE,  ,    ,   3.99,  -1
            CRANE_TILT,            TOWER_CRANE,  ,    ,   4,     2
            RESTRICTED_AREA_ENTRY, MINE_AREA,    ,    ,   0,     -1
            RESTRICTED_AREA_ENTRY, MINE_AREA,    ,    ,   1,     2
            DWELL_TIME,            MINE_AREA,    480, ,   479,   -1
            DWELL_TIME,            MINE_AREA,    480, ,   480,   1
            AREA_OCCUPANCY,        MINE_AREA,    10,  ,   9,     -1
            AREA_OCCUPANCY,        MINE_AREA,    10,  ,   10,    1
            AREA_OCCUPANCY,        MINE_AREA,    10,  ,   11,    2
            """)
    void eachSetpointStartsItsLevelExactlyAtItsValue(
            String metric, String equipment, Double rated, Double oel, double value, int level) {
        AlarmDecision.Condition condition = classify(point(metric, equipment, rated, oel), value, -1, null);

        assertThat(condition.level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} at level {3} {4}, then {5}: level {6}")
    @CsvSource(
            textBlock =
                    """
            COMBUSTIBLE_GAS, ,   ,   2, HIGH, 48,    2
            COMBUSTIBLE_GAS, ,   ,   2, HIGH, 47.99, 1
            COMBUSTIBLE_GAS, ,   ,   1, HIGH, 23,    1
            COMBUSTIBLE_GAS, ,   ,   1, HIGH, 22.99, -1
            TOXIC_GAS,       ,   10, 2, HIGH, 19,    2
            TOXIC_GAS,       ,   10, 2, HIGH, 18.99, 1
            TOXIC_GAS,       ,   10, 1, HIGH, 9,     1
            TOXIC_GAS,       ,   10, 1, HIGH, 8.99,  -1
            OXYGEN,          ,   ,   2, LOW,  19.8,  2
            OXYGEN,          ,   ,   2, LOW,  19.81, -1
            OXYGEN,          ,   ,   2, HIGH, 23.2,  2
            OXYGEN,          ,   ,   2, HIGH, 23.19, -1
            TANK_LEVEL,      20, ,   1, LOW,  2.4,   1
            TANK_LEVEL,      20, ,   1, LOW,  2.41,  -1
            CRANE_LOAD,      10, ,   3, HIGH, 10.3,  3
            CRANE_LOAD,      10, ,   3, HIGH, 10.29, 2
            """)
    void anActiveLevelEndsOnlyBackPastItsDeadband(
            String metric, Double rated, Double oel, int previous, String direction, double value, int level) {
        String equipment = metric.startsWith("TANK")
                ? "STORAGE_TANK"
                : metric.startsWith("CRANE") ? "TOWER_CRANE" : "GAS_DETECTOR";
        AlarmDecision.Condition condition =
                classify(point(metric, equipment, rated, oel), value, previous, Setpoint.Direction.valueOf(direction));

        assertThat(condition.level()).isEqualTo(level);
    }

    @Test
    void theDecidingRowIsNamedWithItsSheetAndRowAndCarriesItsColourAndDebounce() {
        AlarmDecision.Condition two = classify(point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null), 50, -1, null);
        AlarmDecision.Condition one = classify(point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null), 25, -1, null);

        RuleOrigin origin = two.rule().origin();
        assertThat(origin.file()).isEqualTo("decision-tables/alarm-thresholds.xlsx");
        assertThat(origin.sheet()).isEqualTo("Alarm thresholds");
        assertThat(origin.row()).isEqualTo(one.rule().origin().row() + 1);
        assertThat(two.colour()).isEqualTo("ORANGE");
        assertThat(two.threshold()).isEqualTo(50.0);
        assertThat(two.debounceSeconds()).isZero();
        assertThat(one.colour()).isEqualTo("YELLOW");
        assertThat(one.debounceSeconds()).isEqualTo(5.0);
    }

    @Test
    void aRisingTrendThatReachesLevel2WithinFifteenMinutesIsAnEarlyWarning() {
        MonitoringPoint gas = point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null);

        AlarmDecision.Condition soon = classify(gas, 20, 2.0, List.of(), List.of(), -1);
        AlarmDecision.Condition later = classify(gas, 20, 1.9, List.of(), List.of(), -1);
        AlarmDecision.Condition falling = classify(gas, 20, -3, List.of(), List.of(), -1);

        assertThat(soon.level()).isEqualTo(AlarmDecision.EARLY_WARNING);
        assertThat(soon.colour()).isEqualTo("BLUE");
        assertThat(soon.rule().name()).isEqualTo("Early warning: rising towards level-2 within 15 minutes");
        assertThat(later.normal()).isTrue();
        assertThat(falling.normal()).isTrue();
    }

    @Test
    void aSteepSlopeOverLessThanAMinuteOfReadingsIsNoiseNotAnEarlyWarning() {
        MonitoringPoint gas = point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null);

        AlarmDecision burst = decide(gas, 20, 30, 10, List.of(), List.of());
        AlarmDecision minute = decide(gas, 20, 30, 60, List.of(), List.of());

        assertThat(burst.classify(-1, null).normal()).isTrue();
        assertThat(minute.classify(-1, null).level()).isEqualTo(AlarmDecision.EARLY_WARNING);
    }

    @Test
    void aKeyAreaFillingQuicklyIsNoEarlyWarningOnlyItsCountAlarms() {
        MonitoringPoint keyArea = point("AREA_OCCUPANCY", "MINE_AREA", 10.0, null);

        // eight persons in, arriving at a hundred a minute: the count alone decides
        AlarmDecision.Condition filling = classify(keyArea, 8, 100, List.of(), List.of(), -1);
        AlarmDecision.Condition full = classify(keyArea, 10, 100, List.of(), List.of(), -1);

        assertThat(filling.normal()).isTrue();
        assertThat(full.level()).isEqualTo(1);
    }

    @Test
    void aSecondGasDetectorInAlarmOnTheSameUnitRaisesTheLevelByOne() {
        MonitoringPoint gas = point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null);
        UnitInAlarm neighbour = new UnitInAlarm(gas.enterpriseId(), "U-100", 99, 1);
        UnitInAlarm elsewhere = new UnitInAlarm(gas.enterpriseId(), "U-200", 98, 2);

        AlarmDecision.Condition corroborated = classify(gas, 30, 0, List.of(neighbour), List.of(), -1);
        AlarmDecision.Condition alone = classify(gas, 30, 0, List.of(elsewhere), List.of(), -1);
        AlarmDecision.Condition normal = classify(gas, 10, 0, List.of(neighbour), List.of(), -1);
        AlarmDecision.Condition alreadyTop = classify(gas, 60, 0, List.of(neighbour), List.of(), -1);

        assertThat(corroborated.level()).isEqualTo(2);
        assertThat(corroborated.rule().name())
                .isEqualTo("Correlation: a second gas detector on the same process unit in alarm");
        assertThat(alone.level()).isEqualTo(1);
        assertThat(normal.normal()).isTrue();
        assertThat(alreadyTop.level()).isEqualTo(2);
    }

    @Test
    void aThirdAlarmWithinAnHourIsMarkedRepeated() {
        MonitoringPoint gas = point("COMBUSTIBLE_GAS", "GAS_DETECTOR", null, null);

        AlarmDecision twice = decide(gas, 30, 0, List.of(), List.of(NOW.minusSeconds(3500), NOW.minusSeconds(60)));
        AlarmDecision longAgo = decide(gas, 30, 0, List.of(), List.of(NOW.minusSeconds(3700), NOW.minusSeconds(60)));

        assertThat(twice.repeatedBy().name())
                .isEqualTo("Repetition: a point alarming for the third time within 60 minutes");
        assertThat(longAgo.repeatedBy()).isNull();
    }

    @Test
    void aPercentOfRatedSetpointOnAPointWithoutARatedLimitIsAProblemNotASilentNormal() {
        AlarmDecision decision = decide(point("TANK_LEVEL", "STORAGE_TANK", null, null), 19, 0, List.of(), List.of());

        assertThat(decision.problems()).isNotEmpty().allSatisfy(p -> assertThat(p)
                .contains("no rated limit"));
    }

    private static AlarmDecision.Condition classify(
            MonitoringPoint point, double value, int previous, Setpoint.Direction direction) {
        AlarmDecision decision = decide(point, value, 0, List.of(), List.of());
        return decision.classify(previous, direction);
    }

    private static AlarmDecision.Condition classify(
            MonitoringPoint point,
            double value,
            double trend,
            List<UnitInAlarm> units,
            List<Instant> raises,
            int previous) {
        return decide(point, value, trend, units, raises).classify(previous, null);
    }

    private static AlarmDecision decide(
            MonitoringPoint point, double value, double trend, List<UnitInAlarm> units, List<Instant> raises) {
        return decide(point, value, trend, TREND_SPAN_SECONDS, units, raises);
    }

    private static AlarmDecision decide(
            MonitoringPoint point,
            double value,
            double trend,
            double trendSpanSeconds,
            List<UnitInAlarm> units,
            List<Instant> raises) {
        AlarmDecision decision = new AlarmDecision(point, value, NOW, trend, trendSpanSeconds, raises);
        AlarmRules.decide(rules, List.of(decision), units);
        return decision;
    }

    static MonitoringPoint point(String metric, String equipment, Double rated, Double oel) {
        return new MonitoringPoint(
                1,
                "P-1",
                7,
                "91149901TEAM00001X",
                "149901",
                "HAZARDOUS_CHEMICALS",
                equipment,
                "EQ-1",
                equipment,
                "U-100",
                metric,
                Metric.valueOf(metric).units().get(0),
                rated == null ? null : BigDecimal.valueOf(rated),
                oel == null ? null : BigDecimal.valueOf(oel),
                NOW);
    }
}
