package org.safereg.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/alarm-thresholds.xlsx}. The workbook in the repository is the
 * policy and policy staff edit it directly; this class records how the seed was made and can re-create
 * it: run its main with the repository root as working directory.
 */
public final class AlarmThresholdsSeed {

    static final String SHEET = "Alarm thresholds";

    static final String NOTES =
            """
            Alarm setpoints per metric and equipment class (报警阈值). One row is one alarm level: level 1 一级, \
            level 2 二级, level 3 cut-off 切断; the colour is what dashboards show. Direction HIGH alarms at or \
            above the setpoint, LOW at or below it. Basis: ABSOLUTE in the point's unit, PERCENT_OF_RATED of the \
            point's rated/design limit, PERCENT_OF_OEL of the toxic gas's occupational exposure limit. An active \
            level ends only when the value is back past the setpoint by the deadband (same basis); a level must \
            persist for the debounce (seconds) before an alarm is raised. Alarms latch until a person \
            acknowledges them. Sources: combustible 25 / 50 %LEL, toxic 100 / 200 % OEL and oxygen 19.5 / 23.5 \
            %VOL from GB/T 50493-2019 (detectors must alarm within 30 s, so debounce stays well under it); tower \
            crane load and moment 90 % pre-warning, 100 % alarm, cut-off above 104-110 % from GB 5144 / GB/T \
            12602 (105 % chosen here); wind pre-alarm at 50-60 % of the crane's maximum in-service wind speed and \
            stop-work above it (GB 5144); tank high / high-high and low / low-low as % of design are a policy \
            choice (no national figure); tilt 4 per mille is the often quoted verticality limit, not found in the \
            standards: a parameter; coal-mine personnel positioning (AQ 1119-2023): entering a restricted area, \
            over-long dwell and key-area over-crowding alarm, with the area's cap or dwell limit as its rated \
            limit (typical vendor cap 10 persons); official dwell limits not found: parameters.""";

    private AlarmThresholdsSeed() {}

    public static byte[] workbook() {
        return new DecisionTableWorkbook()
                .sheet(SHEET, "org.safereg.monitoring.rules", List.of("org.safereg.monitoring.AlarmDecision"), NOTES)
                .table(
                        "Alarm setpoints",
                        List.of(
                                "DESCRIPTION",
                                "CONDITION",
                                "CONDITION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION",
                                "ACTION"),
                        List.of("", "d: AlarmDecision", "d: AlarmDecision", "", "", "", "", "", "", ""),
                        List.of(
                                "",
                                "metric == \"$param\"",
                                "equipmentType == \"$param\"",
                                "d.level($param);",
                                "d.colour(\"$param\");",
                                "d.direction(\"$param\");",
                                "d.basis(\"$param\");",
                                "d.setpoint($param);",
                                "d.deadband($param);",
                                "d.debounce($param);"),
                        List.of(
                                "说明 Description",
                                "监测指标 Metric",
                                "设备类别 Equipment class",
                                "级别 Level",
                                "颜色 Colour",
                                "方向 Direction",
                                "基准 Basis",
                                "设定值 Setpoint",
                                "回差 Deadband",
                                "持续 Debounce (s)"))
                .row(
                        "GB50493 combustible level-1 可燃气体一级",
                        "COMBUSTIBLE_GAS",
                        "GAS_DETECTOR",
                        1,
                        "YELLOW",
                        "HIGH",
                        "ABSOLUTE",
                        25,
                        2,
                        5)
                .row(
                        "GB50493 combustible level-2 可燃气体二级",
                        "COMBUSTIBLE_GAS",
                        "GAS_DETECTOR",
                        2,
                        "ORANGE",
                        "HIGH",
                        "ABSOLUTE",
                        50,
                        2,
                        0)
                .row(
                        "GB50493 toxic level-1 有毒气体一级 (100 % OEL)",
                        "TOXIC_GAS", "GAS_DETECTOR", 1, "YELLOW", "HIGH", "PERCENT_OF_OEL", 100, 10, 5)
                .row(
                        "GB50493 toxic level-2 有毒气体二级 (200 % OEL)",
                        "TOXIC_GAS", "GAS_DETECTOR", 2, "ORANGE", "HIGH", "PERCENT_OF_OEL", 200, 10, 0)
                .row(
                        "GB50493 oxygen deficiency 缺氧",
                        "OXYGEN",
                        "GAS_DETECTOR",
                        2,
                        "ORANGE",
                        "LOW",
                        "ABSOLUTE",
                        19.5,
                        0.3,
                        5)
                .row(
                        "GB50493 oxygen enrichment 富氧",
                        "OXYGEN",
                        "GAS_DETECTOR",
                        2,
                        "ORANGE",
                        "HIGH",
                        "ABSOLUTE",
                        23.5,
                        0.3,
                        5)
                .row(
                        "Tank level high 液位高",
                        "TANK_LEVEL",
                        "STORAGE_TANK",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        90,
                        2,
                        10)
                .row(
                        "Tank level high-high 液位高高",
                        "TANK_LEVEL",
                        "STORAGE_TANK",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        95,
                        2,
                        5)
                .row(
                        "Tank level low 液位低",
                        "TANK_LEVEL",
                        "STORAGE_TANK",
                        1,
                        "YELLOW",
                        "LOW",
                        "PERCENT_OF_RATED",
                        10,
                        2,
                        10)
                .row(
                        "Tank level low-low 液位低低",
                        "TANK_LEVEL",
                        "STORAGE_TANK",
                        2,
                        "ORANGE",
                        "LOW",
                        "PERCENT_OF_RATED",
                        5,
                        2,
                        5)
                .row(
                        "Tank pressure high 压力高",
                        "TANK_PRESSURE",
                        "STORAGE_TANK",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        90,
                        3,
                        10)
                .row(
                        "Tank pressure high-high 压力高高",
                        "TANK_PRESSURE",
                        "STORAGE_TANK",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        3,
                        5)
                .row(
                        "Tank temperature high 温度高",
                        "TANK_TEMPERATURE",
                        "STORAGE_TANK",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        90,
                        3,
                        10)
                .row(
                        "Tank temperature high-high 温度高高",
                        "TANK_TEMPERATURE",
                        "STORAGE_TANK",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        3,
                        5)
                .row(
                        "GB5144 crane load pre-warning 起重量预警",
                        "CRANE_LOAD",
                        "TOWER_CRANE",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        90,
                        2,
                        0)
                .row(
                        "GB5144 crane load alarm 起重量报警",
                        "CRANE_LOAD",
                        "TOWER_CRANE",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        2,
                        0)
                .row(
                        "GB5144 crane load cut-off 起重量切断",
                        "CRANE_LOAD",
                        "TOWER_CRANE",
                        3,
                        "RED",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        105,
                        2,
                        0)
                .row(
                        "GB5144 crane moment pre-warning 力矩预警",
                        "CRANE_MOMENT",
                        "TOWER_CRANE",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        90,
                        2,
                        0)
                .row(
                        "GB5144 crane moment alarm 力矩报警",
                        "CRANE_MOMENT",
                        "TOWER_CRANE",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        2,
                        0)
                .row(
                        "GB5144 crane moment cut-off 力矩切断",
                        "CRANE_MOMENT",
                        "TOWER_CRANE",
                        3,
                        "RED",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        105,
                        2,
                        0)
                .row(
                        "GB5144 wind pre-alarm 风速预警",
                        "WIND_SPEED",
                        "TOWER_CRANE",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        50,
                        5,
                        3)
                .row(
                        "GB5144 wind stop-work 风速停止作业",
                        "WIND_SPEED",
                        "TOWER_CRANE",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        5,
                        3)
                .row(
                        "Crane tilt 塔身倾斜 (parameter)",
                        "CRANE_TILT",
                        "TOWER_CRANE",
                        2,
                        "ORANGE",
                        "HIGH",
                        "ABSOLUTE",
                        4,
                        0.5,
                        5)
                .row(
                        "AQ1119 restricted area entry 进入限制区域",
                        "RESTRICTED_AREA_ENTRY",
                        "MINE_AREA",
                        2,
                        "ORANGE",
                        "HIGH",
                        "ABSOLUTE",
                        1,
                        0,
                        0)
                .row(
                        "AQ1119 over-long dwell 超时",
                        "DWELL_TIME",
                        "MINE_AREA",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        0,
                        0)
                .row(
                        "AQ1119 key area at its cap 重点区域满员",
                        "AREA_OCCUPANCY",
                        "MINE_AREA",
                        1,
                        "YELLOW",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        100,
                        0,
                        0)
                .row(
                        "AQ1119 key area over-crowded 重点区域超员",
                        "AREA_OCCUPANCY",
                        "MINE_AREA",
                        2,
                        "ORANGE",
                        "HIGH",
                        "PERCENT_OF_RATED",
                        110,
                        0,
                        0)
                .examples(
                        """
                        每行是一个读数：监测指标、设备类别和数值（按额定值或 OEL 的百分比设定时，填写额定值或 OEL），右侧为\
                        规则必须给出的报警级别（NORMAL 为不报警）和颜色；任一案例不通过，该版本不能激活。 Each row is one \
                        reading of a point in no alarm, and the level (NORMAL: no alarm) and colour the table must give it; \
                        a version with a failing case cannot be activated.""",
                        List.of(
                                "NAME",
                                "INPUT metric",
                                "INPUT equipmentType",
                                "INPUT value",
                                "INPUT ratedLimit",
                                "INPUT oel",
                                "EXPECT level",
                                "EXPECT colour"),
                        List.of(
                                "案例 Case",
                                "监测指标 Metric",
                                "设备类别 Equipment class",
                                "读数 Value",
                                "额定值 Rated limit",
                                "职业接触限值 OEL",
                                "期望级别 Expected level",
                                "期望颜色 Expected colour"))
                .row("可燃气体 24.9 %LEL 未到一级", "COMBUSTIBLE_GAS", "GAS_DETECTOR", 24.9, null, null, "NORMAL", "NONE")
                .row("可燃气体恰为 25 %LEL 一级", "COMBUSTIBLE_GAS", "GAS_DETECTOR", 25, null, null, 1, "YELLOW")
                .row("可燃气体 49.9 %LEL 仍为一级", "COMBUSTIBLE_GAS", "GAS_DETECTOR", 49.9, null, null, 1, "YELLOW")
                .row("可燃气体恰为 50 %LEL 二级", "COMBUSTIBLE_GAS", "GAS_DETECTOR", 50, null, null, 2, "ORANGE")
                .row("有毒气体 99 % OEL 未报警", "TOXIC_GAS", "GAS_DETECTOR", 9.9, null, 10, "NORMAL", "NONE")
                .row("有毒气体恰为 100 % OEL 一级", "TOXIC_GAS", "GAS_DETECTOR", 10, null, 10, 1, "YELLOW")
                .row("有毒气体恰为 200 % OEL 二级", "TOXIC_GAS", "GAS_DETECTOR", 20, null, 10, 2, "ORANGE")
                .row("氧气 19.6 %VOL 正常", "OXYGEN", "GAS_DETECTOR", 19.6, null, null, "NORMAL", "NONE")
                .row("氧气恰为 19.5 %VOL 缺氧", "OXYGEN", "GAS_DETECTOR", 19.5, null, null, 2, "ORANGE")
                .row("氧气恰为 23.5 %VOL 富氧", "OXYGEN", "GAS_DETECTOR", 23.5, null, null, 2, "ORANGE")
                .row("储罐液位 89.9 % 未到高位", "TANK_LEVEL", "STORAGE_TANK", 17.98, 20, null, "NORMAL", "NONE")
                .row("储罐液位恰为 90 % 高位", "TANK_LEVEL", "STORAGE_TANK", 18, 20, null, 1, "YELLOW")
                .row("储罐液位恰为 95 % 高高位", "TANK_LEVEL", "STORAGE_TANK", 19, 20, null, 2, "ORANGE")
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/alarm-thresholds.xlsx");
        Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
