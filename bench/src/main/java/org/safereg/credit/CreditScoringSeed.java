package org.safereg.credit;

import java.nio.file.Path;
import java.util.List;
import org.safereg.support.DecisionTableWorkbook;

/**
 * Writes the seed {@code decision-tables/credit-scoring.xlsx}. The workbook in the repository is the
 * policy and policy staff edit it directly; this class only records how the seed was made and can
 * re-create it: run its main with the repository root as working directory.
 */
public final class CreditScoringSeed {

    static final String NOTES =
            """
            Seed enterprise safety-credit model (安全生产信用评价). Four indicators and their weights follow the \
            product's default model in DOMAIN.md: major hazard rectification rate 重大隐患整改率 30 %, number of \
            violations 违法行为次数 25 %, safety training coverage 安全培训覆盖率 20 %, emergency drill completion \
            rate 应急演练完成率 25 %. Each band turns the indicator's value over the last 12 months into 0-100 \
            points (lower bound inclusive, upper bound exclusive; a blank bound is open). The score is the \
            weighted sum of the points; the tier cut-offs A 守信 / B 基本守信 / C 失信 / D 严重失信 are a policy \
            choice of this table (no national cut-offs are published). Vetoes (一票否决, MEM Order No. 11, 2023) \
            live in rules/credit-vetoes.drl and set tier D whatever the score.""";

    static final String EXAMPLES =
            """
            每行是一个案例：左侧为企业在评价期内的情况，右侧为规则必须给出的得分和等级。上传时逐一计算并显示结果；\
            任一案例不通过，该版本不能激活。空白输入取默认值（0，许可证 VALID），空白期望不检查。 Each row is a case: \
            the enterprise's record over the window on the left, the score and tier the rules must give on the right. \
            Every case is decided at upload; a version with a failing case cannot be activated.""";

    private CreditScoringSeed() {}

    public static byte[] workbook() {
        String pkg = "org.safereg.credit.rules";
        List<String> imports = List.of("org.safereg.credit.Measure", "org.safereg.credit.CreditScore");
        return new DecisionTableWorkbook()
                .sheet("Credit scoring", pkg, imports, NOTES)
                .table(
                        "Indicator weights",
                        List.of("DESCRIPTION", "CONDITION", "ACTION"),
                        List.of("", "m: Measure", ""),
                        List.of("", "indicator == \"$param\"", "m.weigh($param);"),
                        List.of("说明 Description", "指标 Indicator", "权重 Weight (%)"))
                .row("重大隐患整改率 major hazard rectification rate", "MAJOR_HAZARD_RECTIFICATION", 30)
                .row("违法行为次数 number of violations", "VIOLATIONS", 25)
                .row("安全培训覆盖率 safety training coverage", "TRAINING_COVERAGE", 20)
                .row("应急演练完成率 emergency drill completion", "DRILL_COMPLETION", 25)
                .blankRow()
                .table(
                        "Scoring bands",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "m: Measure", "m: Measure", "m: Measure", ""),
                        List.of("", "indicator == \"$param\"", "value >= $param", "value < $param", "m.award($param);"),
                        List.of(
                                "说明 Description",
                                "指标 Indicator",
                                "下限(含) From (incl.)",
                                "上限(不含) To (excl.)",
                                "得分 Points"))
                .row("全部按期整改 all rectified on time", "MAJOR_HAZARD_RECTIFICATION", 100, null, 100)
                .row("整改率 95–100 %", "MAJOR_HAZARD_RECTIFICATION", 95, 100, 85)
                .row("整改率 90–95 %", "MAJOR_HAZARD_RECTIFICATION", 90, 95, 70)
                .row("整改率 80–90 %", "MAJOR_HAZARD_RECTIFICATION", 80, 90, 50)
                .row("整改率 60–80 %", "MAJOR_HAZARD_RECTIFICATION", 60, 80, 30)
                .row("整改率低于 60 %", "MAJOR_HAZARD_RECTIFICATION", null, 60, 0)
                .row("无违法行为 no violation", "VIOLATIONS", null, 1, 100)
                .row("1 次违法", "VIOLATIONS", 1, 2, 80)
                .row("2 次违法", "VIOLATIONS", 2, 3, 60)
                .row("3–4 次违法", "VIOLATIONS", 3, 5, 40)
                .row("5–9 次违法", "VIOLATIONS", 5, 10, 20)
                .row("10 次及以上", "VIOLATIONS", 10, null, 0)
                .row("培训覆盖 95 % 及以上", "TRAINING_COVERAGE", 95, null, 100)
                .row("培训覆盖 85–95 %", "TRAINING_COVERAGE", 85, 95, 80)
                .row("培训覆盖 70–85 %", "TRAINING_COVERAGE", 70, 85, 60)
                .row("培训覆盖 50–70 %", "TRAINING_COVERAGE", 50, 70, 30)
                .row("培训覆盖低于 50 %", "TRAINING_COVERAGE", null, 50, 0)
                .row("演练全部完成 all drills done", "DRILL_COMPLETION", 100, null, 100)
                .row("演练完成 75–100 %", "DRILL_COMPLETION", 75, 100, 75)
                .row("演练完成 50–75 %", "DRILL_COMPLETION", 50, 75, 50)
                .row("演练完成 25–50 %", "DRILL_COMPLETION", 25, 50, 25)
                .row("演练完成低于 25 % 或无演练计划", "DRILL_COMPLETION", null, 25, 0)
                .blankRow()
                .table(
                        "Tier cut-offs",
                        List.of("DESCRIPTION", "CONDITION", "CONDITION", "ACTION"),
                        List.of("", "s: CreditScore", "s: CreditScore", ""),
                        List.of("", "value >= $param", "value < $param", "s.assignTier(\"$param\");"),
                        List.of("说明 Description", "最低分(含) From (incl.)", "最高分(不含) To (excl.)", "等级 Tier"))
                .row("A 守信 trustworthy", 90, null, "A")
                .row("B 基本守信 basically trustworthy", 75, 90, "B")
                .row("C 失信 untrustworthy", 60, 75, "C")
                .row("D 严重失信 seriously untrustworthy", null, 60, "D")
                .examples(
                        EXAMPLES,
                        List.of(
                                "NAME",
                                "INPUT majorHazardsDue",
                                "INPUT majorHazardsRectifiedOnTime",
                                "INPUT violations",
                                "INPUT employeesRequiringTraining",
                                "INPUT employeesTrained",
                                "INPUT drillsPlanned",
                                "INPUT drillsCompleted",
                                "INPUT art114MultipleFines",
                                "INPUT licenceStatus",
                                "EXPECT score",
                                "EXPECT tier"),
                        List.of(
                                "案例 Case",
                                "到期重大隐患 Major hazards due",
                                "按期整改 Rectified on time",
                                "违法次数 Violations",
                                "应培训人数 Employees to train",
                                "已培训 Trained",
                                "计划演练 Drills planned",
                                "完成演练 Drills done",
                                "114条2-5倍罚款 Art. 114 fines",
                                "许可证 Licence",
                                "期望得分 Expected score",
                                "期望等级 Expected tier"))
                .row("全优 a perfect record", 0, 0, 0, 40, 40, 2, 2, 0, "VALID", 100, "A")
                .row("整改率 95 % perfect but for one late rectification", 20, 19, 0, 40, 40, 2, 2, 0, "VALID", 95.5, "A")
                .row("恰为 90 分 exactly 90: two violations", 0, 0, 2, 40, 40, 2, 2, 0, "VALID", 90, "A")
                .row("85 分 three violations", 0, 0, 3, 40, 40, 2, 2, 0, "VALID", 85, "B")
                .row("恰为 75 分 exactly 75: no drill planned", 0, 0, 0, 40, 40, 0, 0, 0, "VALID", 75, "B")
                .row("74.75 分 just below 75", 0, 0, 1, 40, 24, 4, 3, 0, "VALID", 74.75, "C")
                .row("恰为 60 分 exactly 60: half the major hazards late", 10, 5, 2, 40, 40, 2, 2, 0, "VALID", 60, "C")
                .row("58.75 分 just below 60", 10, 5, 1, 40, 40, 4, 3, 0, "VALID", 58.75, "D")
                .row("一票否决 an Art. 114 fine of 2-5 times", 0, 0, 1, 40, 40, 2, 2, 1, "VALID", 95, "D")
                .row("一票否决 licence suspended", 0, 0, 0, 40, 40, 2, 2, 0, "SUSPENDED", 100, "D")
                .toBytes();
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "decision-tables/credit-scoring.xlsx");
        java.nio.file.Files.write(target, workbook());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
