package org.safereg.risk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/risk-level.xlsx}. The workbook in the repository is the policy
 * and policy staff edit it directly; this class records how the seed was made and can re-create it: run
 * its main with the repository root as working directory.
 */
public final class RiskLevelSeed {

    static final String SHEET = "Risk level";

    static final String NOTES =
            """
            Risk level of an enterprise (企业风险等级), in the four warning colours of the national hazardous-chemicals \
            monitoring and early-warning system: RED 重大风险 major, ORANGE 较大风险 large, YELLOW 一般风险 general, \
            BLUE 低风险 low. Every row that matches says "at least this level" about one fact; THE HIGHEST LEVEL ANY \
            ROW GIVES WINS, and each matching row is shown to the enterprise as a reason. First the inherent risk \
            (固有风险: sector and major hazard source level, GB 18218 levels 1-4, 1 highest), then escalation by \
            what the enterprise does: its credit tier (A-D, credit-scoring.xlsx), its open alarms (raised or \
            acknowledged, not cleared; levels as alarm-thresholds.xlsx: 0 early warning 预警, 1 一级, 2 二级, 3 \
            cut-off 切断) and its hazards past their rectification deadline and not rectified (重大事故隐患 major as \
            the determination standards define it, e.g. MEM Order No. 10, 2023; 一般隐患 general; posted supervision \
            挂牌督办 gives a major hazard a deadline of at most a year, so an overdue one is a failure of supervision). \
            Every sector must match an inherent-risk row, otherwise the enterprise is not rated and keeps \
            its previous level. Sources: the colours and their meaning from the national monitoring system \
            (DOMAIN.md); the trigger definitions and thresholds are not published, so every level and count in \
            this sheet is a policy choice of this table, to be set by policy staff. Cells with several values \
            (e.g. "LEVEL_3, LEVEL_4") match any of them; a blank condition matches anything.""";

    private RiskLevelSeed() {}

    public static byte[] workbook() {
        String pkg = "org.safereg.risk.rules";
        List<String> imports = List.of(
                "org.safereg.risk.InherentRisk",
                "org.safereg.risk.CreditStanding",
                "org.safereg.risk.OpenAlarms",
                "org.safereg.risk.OverdueHazards");
        return new DecisionTableWorkbook()
                .sheet(SHEET, pkg, imports, NOTES)
                .table(
                        "Inherent risk",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "i: InherentRisk", "i: InherentRisk", ""),
                        List.of(
                                "",
                                "forall(||){sector == \"$\"}",
                                "forall(||){majorHazardSource == \"$\"}",
                                "i.atLeast(\"$param\");"),
                        List.of("说明 Description", "行业 Sector", "重大危险源 Major hazard source", "风险等级至少 At least"))
                .row("一级、二级重大危险源 major hazard source level 1 or 2", null, "LEVEL_1, LEVEL_2", "ORANGE")
                .row("三级、四级重大危险源 major hazard source level 3 or 4", null, "LEVEL_3, LEVEL_4", "YELLOW")
                .row("煤矿、非煤矿山 mines", "COAL_MINE, NON_COAL_MINE", null, "YELLOW")
                .row("其他行业 all other sectors", "HAZARDOUS_CHEMICALS, METAL_SMELTING, CONSTRUCTION, OTHER", null, "BLUE")
                .blankRow()
                .table(
                        "Credit tier",
                        List.of("DESCRIPTION", "CONDITION", "ACTION"),
                        List.of("", "c: CreditStanding", ""),
                        List.of("", "forall(||){tier == \"$\"}", "c.atLeast(\"$param\");"),
                        List.of("说明 Description", "信用等级 Credit tier", "风险等级至少 At least"))
                .row("C 失信 untrustworthy", "C", "YELLOW")
                .row("D 严重失信 seriously untrustworthy", "D", "ORANGE")
                .blankRow()
                .table(
                        "Open alarms",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "a: OpenAlarms", "a: OpenAlarms", ""),
                        List.of("", "level == $param", "count >= $param", "a.atLeast(\"$param\");"),
                        List.of(
                                "说明 Description",
                                "报警级别 Alarm level (0 预警, 3 切断)",
                                "未消除条数至少 Open alarms at least",
                                "风险等级至少 At least"))
                .row("未消除的预警 an open early warning", 0, 1, "YELLOW")
                .row("未消除的一级报警 an open level-1 alarm", 1, 1, "YELLOW")
                .row("3 条以上一级报警 three or more open level-1 alarms", 1, 3, "ORANGE")
                .row("未消除的二级报警 an open level-2 alarm", 2, 1, "ORANGE")
                .row("2 条以上二级报警 two or more open level-2 alarms", 2, 2, "RED")
                .row("切断级报警 an open cut-off alarm", 3, 1, "RED")
                .blankRow()
                .table(
                        "Overdue hazards",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "h: OverdueHazards", "h: OverdueHazards", ""),
                        List.of("", "grade == \"$param\"", "count >= $param", "h.atLeast(\"$param\");"),
                        List.of("说明 Description", "隐患级别 Hazard grade", "逾期未整改至少 Overdue at least", "风险等级至少 At least"))
                .row("逾期未整改的重大事故隐患 an overdue major hazard", "MAJOR", 1, "RED")
                .row("逾期未整改的一般隐患 an overdue general hazard", "GENERAL", 1, "YELLOW")
                .row("5 项以上逾期一般隐患 five or more overdue general hazards", "GENERAL", 5, "ORANGE")
                .examples(
                        """
                        每行是一个案例：左侧为企业的情况，右侧为规则必须给出的风险等级；任一案例不通过，该版本不能激活。\
                        空白输入取默认值（危险化学品行业、无重大危险源、无信用等级、无报警和逾期隐患）。 Each row is a case: \
                        the enterprise's situation on the left, the colour the rules must give on the right; a version with \
                        a failing case cannot be activated.""",
                        List.of(
                                "NAME",
                                "INPUT sector",
                                "INPUT majorHazardSourceLevel",
                                "INPUT creditTier",
                                "INPUT openEarlyWarnings",
                                "INPUT openLevel1Alarms",
                                "INPUT openLevel2Alarms",
                                "INPUT openCutOffAlarms",
                                "INPUT overdueMajorHazards",
                                "INPUT overdueGeneralHazards",
                                "EXPECT level"),
                        List.of(
                                "案例 Case",
                                "行业 Sector",
                                "重大危险源级别 Major hazard source level",
                                "信用等级 Credit tier",
                                "预警 Early warnings",
                                "一级报警 Level-1 alarms",
                                "二级报警 Level-2 alarms",
                                "切断 Cut-off alarms",
                                "逾期重大隐患 Overdue major",
                                "逾期一般隐患 Overdue general",
                                "期望风险等级 Expected level"))
                .row("守信化工企业 a trustworthy chemical plant", "HAZARDOUS_CHEMICALS", null, "A", 0, 0, 0, 0, 0, 0, "BLUE")
                .row("一级重大危险源 source level 1", "HAZARDOUS_CHEMICALS", 1, "A", 0, 0, 0, 0, 0, 0, "ORANGE")
                .row("四级重大危险源 source level 4", "HAZARDOUS_CHEMICALS", 4, "A", 0, 0, 0, 0, 0, 0, "YELLOW")
                .row("煤矿 a coal mine", "COAL_MINE", null, "A", 0, 0, 0, 0, 0, 0, "YELLOW")
                .row("信用 C tier C", "CONSTRUCTION", null, "C", 0, 0, 0, 0, 0, 0, "YELLOW")
                .row("信用 D 的煤矿 a coal mine of tier D", "COAL_MINE", null, "D", 0, 0, 0, 0, 0, 0, "ORANGE")
                .row("一条预警 one early warning", "OTHER", null, "B", 1, 0, 0, 0, 0, 0, "YELLOW")
                .row("两条一级报警 two level-1 alarms", "OTHER", null, "B", 0, 2, 0, 0, 0, 0, "YELLOW")
                .row("三条一级报警 three level-1 alarms", "OTHER", null, "B", 0, 3, 0, 0, 0, 0, "ORANGE")
                .row("一条二级报警 one level-2 alarm", "OTHER", null, "B", 0, 0, 1, 0, 0, 0, "ORANGE")
                .row("两条二级报警 two level-2 alarms", "OTHER", null, "B", 0, 0, 2, 0, 0, 0, "RED")
                .row("切断级报警 a cut-off alarm", "OTHER", null, "B", 0, 0, 0, 1, 0, 0, "RED")
                .row("逾期重大隐患 an overdue major hazard", "OTHER", null, "B", 0, 0, 0, 0, 1, 0, "RED")
                .row("四项逾期一般隐患 four overdue general hazards", "OTHER", null, "B", 0, 0, 0, 0, 0, 4, "YELLOW")
                .row("五项逾期一般隐患 five overdue general hazards", "OTHER", null, "B", 0, 0, 0, 0, 0, 5, "ORANGE")
                .fill("RED", IndexedColors.RED)
                .fill("ORANGE", IndexedColors.LIGHT_ORANGE)
                .fill("YELLOW", IndexedColors.YELLOW)
                .fill("BLUE", IndexedColors.PALE_BLUE)
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/risk-level.xlsx");
        Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
