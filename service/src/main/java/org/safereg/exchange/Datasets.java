package org.safereg.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safereg.enterprise.DepartmentEntries.AccidentEntry;
import org.safereg.enterprise.DepartmentEntries.DrillEntry;
import org.safereg.enterprise.DepartmentEntries.EnterpriseEntry;
import org.safereg.enterprise.DepartmentEntries.LicenceEntry;
import org.safereg.enterprise.DepartmentEntries.PenaltyEntry;
import org.safereg.enterprise.DepartmentEntries.TrainingEntry;
import org.safereg.enterprise.DepartmentFacts;
import org.safereg.system.Inputs;
import org.safereg.system.Text;
import org.safereg.tasks.InspectionResultEntry;
import org.safereg.tasks.InspectionResults;
import org.springframework.stereotype.Component;

/**
 * The datasets exchanged, by name: the columns each has (docs/exchange.md lists them with examples), how
 * their rows are read and written, and which feature's API stores them.
 */
@Component
class Datasets {

    static final List<String> SECTORS =
            List.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    static final List<String> SCALES = List.of("LARGE", "MEDIUM", "SMALL", "MICRO");
    static final List<String> LICENCE_STATUSES = List.of("VALID", "SUSPENDED", "REVOKED", "NONE", "NOT_REQUIRED");
    static final List<String> LICENCE_KINDS =
            List.of("SAFETY_PRODUCTION", "HAZARDOUS_CHEMICALS_OPERATION", "HAZARDOUS_CHEMICALS_USE", "MINING", "OTHER");
    static final List<String> LICENCE_STATES = List.of("VALID", "SUSPENDED", "REVOKED", "EXPIRED");
    static final List<String> ACCIDENT_GRADES = List.of("ESPECIALLY_SERIOUS", "SERIOUS", "LARGER", "GENERAL");
    static final List<String> DRILL_KINDS = List.of("COMPREHENSIVE", "SPECIAL", "ON_SITE");
    static final List<String> CONCLUSIONS = List.of("PASSED", "RECTIFY", "PENALISED", "SUSPENDED");

    private static final String CREDIT_CODE = "credit_code";
    private static final String CREDIT_CODE_LABEL = "统一社会信用代码";

    private final Map<String, Dataset<?>> byName;

    Datasets(DepartmentFacts facts, InspectionResults inspections) {
        byName = List.of(
                        enterprises(facts),
                        licences(facts),
                        accidents(facts),
                        penalties(facts),
                        trainings(facts),
                        drills(facts),
                        inspections(inspections))
                .stream()
                .collect(Collectors.toMap(Dataset::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The dataset of this name, or null. */
    Dataset<?> named(String name) {
        return byName.get(name);
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    private static Dataset<EnterpriseEntry> enterprises(DepartmentFacts facts) {
        return new Dataset<>(
                "enterprises",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("name", "企业名称"),
                        Column.required("region_code", "行政区划代码"),
                        Column.required("sector", "行业"),
                        Column.required("scale", "规模"),
                        Column.required("employees", "从业人员数"),
                        Column.optional("major_hazard_level", "重大危险源等级"),
                        Column.optional("standardisation_grade", "标准化等级"),
                        Column.required("licence_status", "许可状态")),
                (f, context) -> {
                    String code = f.creditCode(CREDIT_CODE);
                    String name = f.text("name", 128, true);
                    String region = f.text("region_code", 6, true);
                    if (region != null && !context.regionCodes().contains(region)) {
                        f.error("region_code", Inputs.REGION_CODE);
                    }
                    EnterpriseEntry entry = new EnterpriseEntry(
                            code,
                            name,
                            region,
                            f.oneOf("sector", SECTORS, true),
                            f.oneOf("scale", SCALES, true),
                            f.count("employees", 10_000_000),
                            f.integer("major_hazard_level", 1, 4, false),
                            f.integer("standardisation_grade", 1, 3, false),
                            f.oneOf("licence_status", LICENCE_STATUSES, true));
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(
                        e.creditCode(),
                        e.name(),
                        e.regionCode(),
                        e.sector(),
                        e.scale(),
                        e.employees(),
                        e.majorHazardLevel(),
                        e.standardisationGrade(),
                        e.licenceStatus()),
                EnterpriseEntry::creditCode,
                e -> null,
                facts::enterprises,
                facts::forEachEnterprise);
    }

    private static Dataset<LicenceEntry> licences(DepartmentFacts facts) {
        return new Dataset<>(
                "licences",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("licence_no", "许可证编号"),
                        Column.required("kind", "许可证种类"),
                        Column.optional("issued_by", "发证机关"),
                        Column.required("issued_on", "发证日期"),
                        Column.required("valid_until", "有效期至"),
                        Column.required("status", "状态")),
                (f, context) -> {
                    LicenceEntry entry = new LicenceEntry(
                            f.creditCode(CREDIT_CODE),
                            f.text("licence_no", 64, true),
                            f.oneOf("kind", LICENCE_KINDS, true),
                            f.text("issued_by", 128, false),
                            f.pastDate("issued_on", context.today()),
                            f.date("valid_until", true),
                            f.oneOf("status", LICENCE_STATES, true));
                    if (entry.issuedOn() != null
                            && entry.validUntil() != null
                            && entry.validUntil().isBefore(entry.issuedOn())) {
                        f.error("valid_until", Text.of("exchange.not-before", "must not be before {0}", "issued_on"));
                    }
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(
                        e.creditCode(),
                        e.licenceNo(),
                        e.kind(),
                        e.issuedBy(),
                        e.issuedOn(),
                        e.validUntil(),
                        e.status()),
                LicenceEntry::licenceNo,
                LicenceEntry::creditCode,
                facts::licences,
                facts::forEachLicence);
    }

    private static Dataset<AccidentEntry> accidents(DepartmentFacts facts) {
        return new Dataset<>(
                "accidents",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("occurred_on", "发生日期"),
                        Column.required("grade", "事故等级"),
                        Column.optional("deaths", "死亡人数"),
                        Column.optional("concealed", "是否瞒报谎报"),
                        Column.required("description", "事故简况")),
                (f, context) -> {
                    Integer deaths = f.integer("deaths", 0, 10_000, false);
                    AccidentEntry entry = new AccidentEntry(
                            f.creditCode(CREDIT_CODE),
                            f.pastDate("occurred_on", context.today()),
                            f.oneOf("grade", ACCIDENT_GRADES, true),
                            deaths == null ? 0 : deaths,
                            f.bool("concealed"),
                            f.text("description", 255, true));
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(
                        e.creditCode(), e.occurredOn(), e.grade(), e.deaths(), e.concealed(), e.description()),
                DepartmentFacts::accidentKey,
                AccidentEntry::creditCode,
                facts::accidents,
                facts::forEachAccident);
    }

    private static Dataset<PenaltyEntry> penalties(DepartmentFacts facts) {
        return new Dataset<>(
                "penalties",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("decision_no", "处罚决定书文号"),
                        Column.required("decided_on", "处罚决定日期"),
                        Column.required("description", "违法事实"),
                        Column.optional("law_article", "处罚依据"),
                        Column.optional("penalty_amount", "罚款金额"),
                        Column.optional("fine_multiple", "罚款倍数")),
                (f, context) -> {
                    String article = f.text("law_article", 32, false);
                    if (article != null && !article.matches("[A-Z]+-[0-9]+")) {
                        f.error("law_article", Text.of("safereg.input.law-article", "must be like WSL-102"));
                    }
                    PenaltyEntry entry = new PenaltyEntry(
                            f.creditCode(CREDIT_CODE),
                            f.text("decision_no", 64, true),
                            f.pastDate("decided_on", context.today()),
                            f.text("description", 255, true),
                            article,
                            f.decimal("penalty_amount", 2, new BigDecimal("100000000"), false),
                            f.decimal("fine_multiple", 1, new BigDecimal("99"), false));
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(
                        e.creditCode(),
                        e.decisionNo(),
                        e.decidedOn(),
                        e.description(),
                        e.lawArticle(),
                        e.penaltyAmount(),
                        e.fineMultiple()),
                PenaltyEntry::decisionNo,
                PenaltyEntry::creditCode,
                facts::penalties,
                facts::forEachPenalty);
    }

    private static Dataset<TrainingEntry> trainings(DepartmentFacts facts) {
        return new Dataset<>(
                "trainings",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("year", "年度"),
                        Column.required("employees_required", "应培训人数"),
                        Column.required("employees_trained", "已培训人数")),
                (f, context) -> {
                    Integer year = f.integer("year", 2000, context.today().getYear(), true);
                    TrainingEntry entry = new TrainingEntry(
                            f.creditCode(CREDIT_CODE),
                            year == null ? 0 : year,
                            f.count("employees_required", 10_000_000),
                            f.count("employees_trained", 10_000_000));
                    if (entry.employeesTrained() > entry.employeesRequired()) {
                        f.error(
                                "employees_trained",
                                Text.of("exchange.not-above", "must not be above {0}", "employees_required"));
                    }
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(e.creditCode(), e.trainingYear(), e.employeesRequired(), e.employeesTrained()),
                e -> List.of(e.creditCode(), e.trainingYear()),
                TrainingEntry::creditCode,
                facts::trainings,
                facts::forEachTraining);
    }

    private static Dataset<DrillEntry> drills(DepartmentFacts facts) {
        return new Dataset<>(
                "drills",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("kind", "演练类型"),
                        Column.required("planned_on", "计划日期"),
                        Column.optional("completed_on", "完成日期")),
                (f, context) -> {
                    String code = f.creditCode(CREDIT_CODE);
                    String kind = f.oneOf("kind", DRILL_KINDS, true);
                    LocalDate planned = f.date("planned_on", true);
                    LocalDate completed = f.date("completed_on", false);
                    if (completed != null && completed.isAfter(context.today())) {
                        f.error(
                                "completed_on",
                                Text.of("input.not-after-today", "must not be after today ({0})", context.today()));
                    }
                    return f.ok() ? new DrillEntry(code, kind, planned, completed) : null;
                },
                e -> Arrays.asList(e.creditCode(), e.kind(), e.plannedOn(), e.completedOn()),
                DepartmentFacts::drillKey,
                DrillEntry::creditCode,
                facts::drills,
                facts::forEachDrill);
    }

    private static Dataset<InspectionResultEntry> inspections(InspectionResults results) {
        return new Dataset<>(
                "inspections",
                List.of(
                        Column.required(CREDIT_CODE, CREDIT_CODE_LABEL),
                        Column.required("record_no", "检查记录编号"),
                        Column.required("department", "检查部门"),
                        Column.required("inspected_on", "检查日期"),
                        Column.optional("violations_found", "发现违法行为数"),
                        Column.optional("hazards_found", "发现隐患数"),
                        Column.required("conclusion", "检查结论"),
                        Column.optional("note", "备注")),
                (f, context) -> {
                    Integer violations = f.integer("violations_found", 0, 10_000, false);
                    Integer hazards = f.integer("hazards_found", 0, 10_000, false);
                    InspectionResultEntry entry = new InspectionResultEntry(
                            f.creditCode(CREDIT_CODE),
                            f.text("record_no", 64, true),
                            f.text("department", 128, true),
                            f.pastDate("inspected_on", context.today()),
                            violations == null ? 0 : violations,
                            hazards == null ? 0 : hazards,
                            f.oneOf("conclusion", CONCLUSIONS, true),
                            f.text("note", 255, false));
                    return f.ok() ? entry : null;
                },
                e -> Arrays.asList(
                        e.creditCode(),
                        e.recordNo(),
                        e.department(),
                        e.inspectedOn(),
                        e.violationsFound(),
                        e.hazardsFound(),
                        e.conclusion(),
                        e.note()),
                InspectionResultEntry::recordNo,
                InspectionResultEntry::creditCode,
                results::record,
                results::forEach);
    }
}
