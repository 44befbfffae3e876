package org.safereg.guidance;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safereg.credit.CreditAdvice;
import org.safereg.engine.FiredRule;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleRow;
import org.safereg.system.Inputs;
import org.safereg.system.NotFoundException;
import org.springframework.stereotype.Service;

/** Puts an enterprise's credit advice and risk decision into sentences an enterprise reads. */
@Service
class Guidance {

    private static final Map<String, String> TIERS = Map.of("A", "守信", "B", "基本守信", "C", "失信", "D", "严重失信");
    private static final Map<String, String> LEVELS =
            Map.of("RED", "重大风险（红色）", "ORANGE", "较大风险（橙色）", "YELLOW", "一般风险（黄色）", "BLUE", "低风险（蓝色）");
    private static final Map<String, String> INDICATORS = Map.of(
            "MAJOR_HAZARD_RECTIFICATION", "重大隐患整改率",
            "VIOLATIONS", "违法行为次数",
            "TRAINING_COVERAGE", "安全培训覆盖率",
            "DRILL_COMPLETION", "应急演练完成率",
            "LICENCE", "安全生产许可证");
    private static final Map<String, String> RISK_FACTS = Map.of(
            "INHERENT", "固有风险（行业与重大危险源）",
            "CREDIT", "信用等级",
            "ALARMS", "未消除的报警",
            "HAZARDS", "逾期未整改的隐患");

    private final CreditAdvice advice;
    private final GuidanceMapper mapper;
    private final RuleCatalog catalog;
    private final ObjectMapper json;

    Guidance(CreditAdvice advice, GuidanceMapper mapper, RuleCatalog catalog, ObjectMapper json) {
        this.advice = advice;
        this.mapper = mapper;
        this.catalog = catalog;
        this.json = json;
    }

    GuidanceView of(String creditCode) {
        GuidanceMapper.EnterpriseRow enterprise = mapper.enterprise(creditCode);
        CreditAdvice.Advice a =
                enterprise == null ? null : advice.advise(creditCode).orElse(null);
        if (a == null) {
            throw new NotFoundException(Inputs.unknownEnterprise(creditCode));
        }
        List<String> summary = new ArrayList<>();
        summary.add(String.format(
                "按现行规则（版本 %s），%s的信用等级为 %s 级（%s），综合得分 %s 分。",
                shortVersion(a.ruleSetVersion()), enterprise.name(), a.tier(), TIERS.get(a.tier()), number(a.score())));
        if (!a.tier().equals(a.scoreTier())) {
            summary.add(String.format("仅按得分应为 %s 级，但因一票否决事项被定为 %s 级。", a.scoreTier(), a.tier()));
        }
        List<GuidanceView.Indicator> indicators = new ArrayList<>();
        for (CreditAdvice.Indicator i : a.indicators()) {
            ProvenanceView.Rule rule = rule(a.ruleSetVersion(), i.awardedBy());
            String sentence = String.format(
                    "%s为 %s，按评分档%s得 %s 分，权重 %s%%，计入总分 %s 分。",
                    name(i.indicator()),
                    value(i.indicator(), i.value()),
                    cited(rule),
                    number(i.points()),
                    number(i.weightPercent()),
                    number(
                            i.points() == null || i.weightPercent() == null
                                    ? null
                                    : i.points() * i.weightPercent() / 100));
            summary.add(sentence);
            indicators.add(new GuidanceView.Indicator(
                    i.indicator(),
                    name(i.indicator()),
                    i.value(),
                    i.points(),
                    i.weightPercent(),
                    i.gainAtBest(),
                    rule,
                    sentence));
        }
        List<String> vetoes = new ArrayList<>();
        for (var veto : a.vetoes()) {
            String sentence = String.format("一票否决：%s（规则“%s”），等级定为 %s 级。", veto.reason(), veto.rule(), veto.tier());
            vetoes.add(sentence);
            summary.add(sentence);
        }
        if (a.costliest() != null) {
            CreditAdvice.Indicator costliest = a.indicators().stream()
                    .filter(i -> i.indicator().equals(a.costliest()))
                    .findFirst()
                    .orElseThrow();
            summary.add(String.format(
                    "拖累得分最多的指标是%s：若达到最佳水平，得分可提高 %s 分。", name(costliest.indicator()), number(costliest.gainAtBest())));
        }
        List<GuidanceView.Improvement> improvements = new ArrayList<>();
        for (CreditAdvice.Improvement improvement : a.improvements()) {
            List<GuidanceView.Change> changes = improvement.changes().stream()
                    .map(c -> new GuidanceView.Change(c.indicator(), c.fact(), c.before(), c.after(), change(c)))
                    .toList();
            String sentence = String.format(
                    "若%s，按现行规则得分将为 %s 分，等级升为 %s 级（%s）。",
                    String.join(
                            "，并且",
                            changes.stream().map(GuidanceView.Change::sentence).toList()),
                    number(improvement.score()),
                    improvement.tier(),
                    TIERS.get(improvement.tier()));
            improvements.add(new GuidanceView.Improvement(changes, improvement.score(), improvement.tier(), sentence));
        }
        if ("A".equals(a.tier())) {
            summary.add("已是最高等级 A 级，保持现有做法即可。");
        } else if (improvements.isEmpty()) {
            summary.add(
                    "在现行规则下，改变贵单位可改变的任何事实都不能提升信用等级" + (a.vetoes().isEmpty() ? "。" : "，因为一票否决事项在其规定期限内始终将等级定为 D 级。"));
            if (a.vetoLapsesOn() != null) {
                summary.add(String.format("按现行规则，相关事故满规定年限后，最早自 %s 起，改进上述指标即可提升等级。", a.vetoLapsesOn()));
            }
        } else {
            summary.add("以下是按现行规则计算、能提升一级的最小改进：");
            improvements.forEach(i -> summary.add(i.sentence()));
        }
        ProvenanceView creditProvenance = catalog.explain(Provenance.of(a.ruleSetVersion(), a.firedRules()));
        GuidanceView.Risk risk = risk(creditCode);
        if (risk != null) {
            summary.addAll(risk.sentences());
        }
        return new GuidanceView(
                enterprise.creditCode(),
                enterprise.name(),
                enterprise.regionName(),
                summary,
                new GuidanceView.Credit(
                        a.tier(),
                        a.score(),
                        a.scoreTier(),
                        a.ruleSetVersion(),
                        a.asOf(),
                        indicators,
                        vetoes,
                        a.costliest(),
                        improvements,
                        a.liftable() || "A".equals(a.tier()),
                        a.vetoLapsesOn(),
                        a.evaluations(),
                        creditProvenance),
                risk);
    }

    private record StoredReason(String level, String fact, String detail, int rule) {}

    private GuidanceView.Risk risk(String creditCode) {
        GuidanceMapper.RiskRow row = mapper.risk(creditCode);
        if (row == null) {
            return null;
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(String.format("风险等级为%s。", LEVELS.getOrDefault(row.level(), row.level())));
        List<StoredReason> reasons;
        try {
            reasons = json.readValue(row.reasons(), new TypeReference<List<StoredReason>>() {});
        } catch (Exception e) {
            reasons = List.of();
        }
        for (StoredReason reason : reasons) {
            if (!row.level().equals(reason.level())) {
                continue; // only the reasons that decided the level
            }
            ProvenanceView.Rule rule = reason.rule() < 0
                    ? null
                    : catalog.describe(row.ruleSetVersion(), List.of(reason.rule())).stream()
                            .findFirst()
                            .map(ProvenanceView.Rule::of)
                            .orElse(null);
            sentences.add(String.format(
                    "决定因素：%s（%s），按规则%s定为%s。",
                    RISK_FACTS.getOrDefault(reason.fact(), reason.fact()),
                    reason.detail(),
                    cited(rule),
                    LEVELS.getOrDefault(reason.level(), reason.level())));
        }
        return new GuidanceView.Risk(
                row.level(),
                LEVELS.get(row.level()),
                sentences,
                catalog.explain(Provenance.stored(row.ruleSetVersion(), row.firedRules())));
    }

    private ProvenanceView.Rule rule(String version, FiredRule fired) {
        if (fired == null) {
            return null;
        }
        if (fired.ordinal() >= 0) {
            List<RuleRow> rows = catalog.describe(version, List.of(fired.ordinal()));
            if (!rows.isEmpty()) {
                return ProvenanceView.Rule.of(rows.get(0));
            }
        }
        var origin = fired.origin();
        return new ProvenanceView.Rule(
                fired.name(),
                origin == null ? null : origin.file(),
                origin == null ? null : origin.sheet(),
                origin == null ? null : origin.table(),
                origin == null ? null : origin.row());
    }

    /**
     * Where a policy officer finds the rule: a workbook row by its file, sheet and row (its generated name says
     * nothing more), a DRL rule by its name and file.
     */
    private static String cited(ProvenanceView.Rule rule) {
        if (rule == null || rule.file() == null) {
            return "";
        }
        if (rule.sheet() == null) {
            return "“" + rule.rule() + "”（" + rule.file() + "）";
        }
        return "（" + rule.file() + "，工作表“" + rule.sheet() + "”第 " + rule.row() + " 行）";
    }

    private static String change(CreditAdvice.Change c) {
        return switch (c.indicator()) {
            case "MAJOR_HAZARD_RECTIFICATION" ->
                String.format(
                        "按期整改的重大隐患由 %s 项增至 %s 项（整改率 %s%% → %s%%）",
                        c.before(), c.after(), number(c.valueBefore()), number(c.valueAfter()));
            case "VIOLATIONS" -> String.format("评价期内的违法行为由 %s 次降至 %s 次（不再发生新的违法行为，较早的记录移出评价期）", c.before(), c.after());
            case "TRAINING_COVERAGE" ->
                String.format(
                        "完成安全培训的从业人员由 %s 增至 %s（覆盖率 %s%% → %s%%）",
                        c.before(), c.after(), number(c.valueBefore()), number(c.valueAfter()));
            case "DRILL_COMPLETION" ->
                String.format(
                        "完成的应急演练由 %s 增至 %s（完成率 %s%% → %s%%）",
                        c.before(), c.after(), number(c.valueBefore()), number(c.valueAfter()));
            case "LICENCE" -> String.format("取得有效的安全生产许可证（现为 %s）", c.before());
            default -> c.fact() + " " + c.before() + " → " + c.after();
        };
    }

    private static String name(String indicator) {
        return INDICATORS.getOrDefault(indicator, indicator);
    }

    private static String value(String indicator, Double value) {
        if (value == null) {
            return "—";
        }
        return "VIOLATIONS".equals(indicator) ? number(value) + " 次" : number(value) + "%";
    }

    private static String number(Double value) {
        if (value == null) {
            return "—";
        }
        return BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String shortVersion(String version) {
        return version == null ? "" : version.substring(0, Math.min(12, version.length()));
    }
}
