package org.safereg.inspection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/inspection-frequency.xlsx}. The workbook in the repository is the
 * policy and policy staff edit it directly; this class records how the seed was made and can re-create it:
 * run its main with the repository root as working directory.
 */
public final class InspectionFrequencySeed {

    static final String SHEET = "Inspection frequency";

    static final String NOTES =
            """
            Differentiated inspection (差异化监管). Each enterprise is matched by exactly one row of each table; \
            a cell may list several values separated by commas, a blank cell matches any value. Frequency: the \
            most enforcement inspections a year by sector and credit tier or standardisation grade, from the \
            Shanxi 2025 table (DOMAIN.md): coal mines A/B/C/D 2/4/6/4 (D there means a long-term shutdown, so its \
            maximum also caps the monthly minimum of tier D below); non-coal mines A,B/C/D 1/2/4; hazardous \
            chemicals and metal smelting by standardisation grade 1/2/3/ungraded 2/4/8/12; other sectors \
            1/2/4/6. Construction has no published figure: the default is the Shanxi 'other sectors' row. \
            Supervision: by risk level and credit tier, whether the enterprise is under key supervision (KEY, \
            重点监管: planned every period with at least the minimum a year) or in the random pool (RANDOM, 双随机: \
            the sampling ratio is the share of the pool drawn in a year, pro rata for shorter plans), and the \
            fewest days between two inspections of one enterprise. Tier D (blacklisted 失信) is inspected \
            monthly, and a bad record (tier C) with orange risk or any red risk at least 4 times a year \
            (DOMAIN.md, 'elsewhere'); the sampling ratios and intervals are a policy choice (no national figure), \
            higher for worse risk. NOT_ASSESSED: the enterprise has no risk result yet; it is treated as YELLOW \
            (general risk) until the risk model has run. UNRATED: no credit result yet; treated as tier B. \
            Plan parameters (plan-wide, the last table of this sheet): SUPERVISORY_CHECKS_MAX: supervisory checks of one enterprise in the random pool \
            in a calendar year, at most 3 (DOMAIN.md); key supervision follows its own row. RANDOM_SHARE_MIN: \
            random (双随机) inspections are at least 70 % of a plan (DOMAIN.md): when the draw falls short, more \
            of the pool is drawn.""";

    private InspectionFrequencySeed() {}

    public static byte[] workbook() {
        List<String> imports =
                List.of("org.safereg.inspection.InspectionFrequency", "org.safereg.inspection.PlanParameter");
        return new DecisionTableWorkbook()
                .sheet(SHEET, "org.safereg.inspection.rules", imports, NOTES)
                .table(
                        "Frequency",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "f: InspectionFrequency", "f: InspectionFrequency", "f: InspectionFrequency", ""),
                        List.of(
                                "",
                                "sectorIn(\"$param\")",
                                "creditTierIn(\"$param\")",
                                "gradeIn(\"$param\")",
                                "f.maxPerYear($param);"),
                        List.of("说明 Description", "行业 Sector", "信用等级 Credit tier", "标准化等级 Grade", "每年最多检查 Max / year"))
                .row("Shanxi 2025 coal mine A 煤矿A级", "COAL_MINE", "A", null, 2)
                .row("Shanxi 2025 coal mine B 煤矿B级", "COAL_MINE", "B, UNRATED", null, 4)
                .row("Shanxi 2025 coal mine C 煤矿C级", "COAL_MINE", "C", null, 6)
                .row("Shanxi 2025 coal mine D 煤矿D级 (long-term shutdown)", "COAL_MINE", "D", null, 4)
                .row("Shanxi 2025 non-coal mine A, B 非煤矿山A、B级", "NON_COAL_MINE", "A, B, UNRATED", null, 1)
                .row("Shanxi 2025 non-coal mine C 非煤矿山C级", "NON_COAL_MINE", "C", null, 2)
                .row("Shanxi 2025 non-coal mine D 非煤矿山D级", "NON_COAL_MINE", "D", null, 4)
                .row(
                        "Shanxi 2025 hazardous chemicals, metal smelting grade 1 危化、冶金一级",
                        "HAZARDOUS_CHEMICALS, METAL_SMELTING",
                        null,
                        "1",
                        2)
                .row(
                        "Shanxi 2025 hazardous chemicals, metal smelting grade 2 危化、冶金二级",
                        "HAZARDOUS_CHEMICALS, METAL_SMELTING",
                        null,
                        "2",
                        4)
                .row(
                        "Shanxi 2025 hazardous chemicals, metal smelting grade 3 危化、冶金三级",
                        "HAZARDOUS_CHEMICALS, METAL_SMELTING",
                        null,
                        "3",
                        8)
                .row(
                        "Shanxi 2025 hazardous chemicals, metal smelting ungraded 危化、冶金未达标",
                        "HAZARDOUS_CHEMICALS, METAL_SMELTING",
                        null,
                        "UNGRADED",
                        12)
                .row("Shanxi 2025 other sectors grade 1 其他行业一级", "OTHER, CONSTRUCTION", null, "1", 1)
                .row("Shanxi 2025 other sectors grade 2 其他行业二级", "OTHER, CONSTRUCTION", null, "2", 2)
                .row("Shanxi 2025 other sectors grade 3 其他行业三级", "OTHER, CONSTRUCTION", null, "3", 4)
                .row("Shanxi 2025 other sectors ungraded 其他行业未达标", "OTHER, CONSTRUCTION", null, "UNGRADED", 6)
                .blankRow()
                .table(
                        "Supervision",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION", "ACTION", "ACTION", "ACTION"),
                        List.of("", "f: InspectionFrequency", "f: InspectionFrequency", "", "", "", ""),
                        List.of(
                                "",
                                "riskIn(\"$param\")",
                                "creditTierIn(\"$param\")",
                                "f.supervision(\"$param\");",
                                "f.minPerYear($param);",
                                "f.samplingRatio($param);",
                                "f.minIntervalDays($param);"),
                        List.of(
                                "说明 Description",
                                "风险等级 Risk level",
                                "信用等级 Credit tier",
                                "监管方式 Supervision (KEY / RANDOM)",
                                "每年至少 Min / year (KEY)",
                                "抽查比例 Sampling ratio / year (RANDOM)",
                                "最短间隔 Min interval (days)"))
                .row(
                        "Blacklisted D monthly 失信D级按月检查",
                        "RED, ORANGE, YELLOW, BLUE, NOT_ASSESSED",
                        "D",
                        "KEY",
                        12,
                        null,
                        25)
                .row("Red risk key supervision 红色重大风险", "RED", "A, B, C, UNRATED", "KEY", 4, null, 45)
                .row("Bad record with orange risk 橙色较大风险C级", "ORANGE", "C", "KEY", 4, null, 60)
                .row("Orange risk random 橙色较大风险", "ORANGE", "A, B, UNRATED", "RANDOM", null, 0.6, 60)
                .row("Yellow risk, bad record 黄色一般风险C级", "YELLOW, NOT_ASSESSED", "C", "RANDOM", null, 0.6, 60)
                .row("Yellow risk 黄色一般风险", "YELLOW, NOT_ASSESSED", "A, B, UNRATED", "RANDOM", null, 0.3, 90)
                .row("Blue risk, bad record 蓝色低风险C级", "BLUE", "C", "RANDOM", null, 0.4, 90)
                .row("Blue risk 蓝色低风险", "BLUE", "A, B, UNRATED", "RANDOM", null, 0.15, 120)
                .blankRow()
                .table(
                        "Plan parameters",
                        List.of("DESCRIPTION", "CONDITION", "ACTION"),
                        List.of("", "p: PlanParameter", ""),
                        List.of("", "name == \"$param\"", "p.value($param);"),
                        List.of("说明 Description", "参数 Parameter", "值 Value"))
                .row(
                        "Supervisory checks per enterprise per year, at most 每年监督检查不超过3次",
                        PlanParameter.SUPERVISORY_CHECKS_MAX,
                        3)
                .row("Random inspections' share of a plan, at least 双随机检查不少于70%", PlanParameter.RANDOM_SHARE_MIN, 0.7)
                .examples(
                        """
                        每行是一类企业：行业、信用等级、标准化等级和风险等级，右侧为两张表必须给出的检查频次；任一案例不通过，\
                        该版本不能激活。 Each row is a class of enterprise and the inspections the two tables must plan \
                        for it; a version with a failing case cannot be activated.""",
                        List.of(
                                "NAME",
                                "INPUT sector",
                                "INPUT creditTier",
                                "INPUT grade",
                                "INPUT riskLevel",
                                "EXPECT supervision",
                                "EXPECT maxPerYear",
                                "EXPECT minPerYear",
                                "EXPECT samplingRatio",
                                "EXPECT minIntervalDays"),
                        List.of(
                                "案例 Case",
                                "行业 Sector",
                                "信用等级 Credit tier",
                                "标准化等级 Grade",
                                "风险等级 Risk level",
                                "监管方式 Supervision",
                                "每年至多 Max / year",
                                "每年至少 Min / year",
                                "抽查比例 Sampling ratio",
                                "最短间隔 Min interval (days)"))
                .row("危化一级 蓝色 守信", "HAZARDOUS_CHEMICALS", "A", "1", "BLUE", "RANDOM", 2, 0, 0.15, 120)
                .row("危化未达标 红色重大风险", "HAZARDOUS_CHEMICALS", "B", "UNGRADED", "RED", "KEY", 12, 4, 0, 45)
                .row("煤矿 C 级 橙色", "COAL_MINE", "C", "UNGRADED", "ORANGE", "KEY", 6, 4, 0, 60)
                .row("失信 D 级 按月检查", "HAZARDOUS_CHEMICALS", "D", "UNGRADED", "YELLOW", "KEY", 12, 12, 0, 25)
                .row("非煤矿山 B 级 黄色", "NON_COAL_MINE", "B", "UNGRADED", "YELLOW", "RANDOM", 1, 0, 0.3, 90)
                .row("未评级 未评估 其他行业三级", "OTHER", "UNRATED", "3", "NOT_ASSESSED", "RANDOM", 4, 0, 0.3, 90)
                .row("建筑一级 蓝色 C 级", "CONSTRUCTION", "C", "1", "BLUE", "RANDOM", 1, 0, 0.4, 90)
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/inspection-frequency.xlsx");
        Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
