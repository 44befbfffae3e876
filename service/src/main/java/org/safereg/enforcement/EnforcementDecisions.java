package org.safereg.enforcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.safereg.engine.DecisionModelException;
import org.safereg.engine.ModelDecision;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;
import org.springframework.stereotype.Component;

/**
 * The one door to enforcement decisions: decides the measures for violations found with the enforcement-discretion
 * model of the version in force, and keeps a task's decisions inside the caller's transaction. Whoever records an
 * inspection result calls it; it knows nothing of tasks.
 */
@Component
public class EnforcementDecisions {

    /** The DMN model's name (its definitions' {@code name}). */
    static final String MODEL = "enforcement-discretion";

    private final RuleEngine engine;
    private final EnforcementMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    EnforcementDecisions(RuleEngine engine, EnforcementMapper mapper, ObjectMapper json, Clock clock) {
        this.engine = engine;
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Decides each violation on one snapshot of the version in force.
     *
     * @param field names the i-th violation's circumstances in a refusal, e.g. {@code violations[2].circumstances}
     * @throws InvalidInputException for a value no circumstance takes (a history, correction or code unknown)
     * @throws MissingCircumstancesException when the model needs a circumstance that was not given
     * @throws UnknownViolationException when the model knows no such article or item
     * @throws DiscretionUnavailableException when the version in force has no usable model
     */
    public List<EnforcementDecision> decide(List<Circumstances> found, IntFunction<String> field) {
        List<InvalidInputException.Violation> wrong = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            check(found.get(i), field.apply(i), wrong);
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Circumstances c = found.get(i);
            String at = field.apply(i).isEmpty() ? "" : field.apply(i) + ".";
            if (c != null && c.article() == null) {
                missing.add(at + "article");
            }
            if (c != null && c.history() == null) {
                missing.add(at + "history");
            }
            if (c != null && c.correction() == null) {
                missing.add(at + "correction");
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(
                    Text.of(
                            "enforcement.invalid-circumstances",
                            "The circumstances are invalid: {0}.",
                            InvalidInputException.listed(wrong, " ")),
                    wrong);
        }
        if (!missing.isEmpty()) {
            // every article needs these; what else an article needs is the model's to say
            throw new MissingCircumstancesException(
                    Text.of(
                            "enforcement.missing-basics",
                            "An enforcement decision needs the article, the history and the correction: {0} missing.",
                            String.join(", ", missing)),
                    missing);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        RuleSetSnapshot snapshot = engine.active();
        List<EnforcementDecision> decisions = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            decisions.add(decide(snapshot, found.get(i), field.apply(i)));
        }
        return decisions;
    }

    /** One violation, decided and not kept: what the law allows in these circumstances. */
    EnforcementDecision decide(Circumstances circumstances) {
        return decide(List.of(circumstances), i -> "").get(0);
    }

    /** Keeps the decision on a task's violation, inside the caller's transaction. */
    public void record(
            long taskId, long violationId, long enterpriseId, LocalDate inspectedOn, EnforcementDecision decision) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        mapper.insert(new EnforcementRow(
                null,
                taskId,
                violationId,
                enterpriseId,
                null,
                inspectedOn,
                decision.circumstances().article(),
                decision.circumstances().item(),
                write(decision.circumstances()),
                decision.band(),
                decision.orderToCorrect(),
                decision.correctionDays(),
                decision.unitFine().min(),
                decision.unitFine().max(),
                decision.personFine() == null ? null : decision.personFine().min(),
                decision.personFine() == null ? null : decision.personFine().max(),
                decision.bandUnitFine().min(),
                decision.bandUnitFine().max(),
                decision.bandPersonFine() == null
                        ? null
                        : decision.bandPersonFine().min(),
                decision.bandPersonFine() == null
                        ? null
                        : decision.bandPersonFine().max(),
                decision.suspension(),
                decision.dailyFine(),
                write(decision.legalBasis()),
                write(decision.reasons()),
                decision.provenance().ruleSetVersion(),
                decision.provenance().firedRules(),
                now));
    }

    private static void check(Circumstances c, String field, List<InvalidInputException.Violation> wrong) {
        String at = field.isEmpty() ? "" : field + ".";
        if (c == null) {
            wrong.add(new InvalidInputException.Violation(
                    field, Text.of("enforcement.no-circumstances", "must name the article and the circumstances")));
            return;
        }
        oneOf(c.history(), Circumstances.HISTORIES, at + "history", wrong);
        oneOf(c.correction(), Circumstances.CORRECTIONS, at + "correction", wrong);
        oneOf(c.accidentGrade(), Circumstances.ACCIDENT_GRADES, at + "accidentGrade", wrong);
        for (int i = 0; i < c.mitigating().size(); i++) {
            oneOf(c.mitigating().get(i), Circumstances.MITIGATING, at + "mitigating[" + i + "]", wrong);
        }
        for (int i = 0; i < c.aggravating().size(); i++) {
            oneOf(c.aggravating().get(i), Circumstances.AGGRAVATING, at + "aggravating[" + i + "]", wrong);
        }
    }

    private static void oneOf(
            String value, List<String> allowed, String field, List<InvalidInputException.Violation> wrong) {
        if (value != null && !allowed.contains(value)) {
            wrong.add(new InvalidInputException.Violation(field, Inputs.oneOf(String.join(", ", allowed))));
        }
    }

    /** One violation on a given snapshot; the checks of {@link #decide(List, IntFunction)} are the caller's. */
    EnforcementDecision decide(RuleSetSnapshot snapshot, Circumstances c, String field) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("article", c.article());
        inputs.put("item", c.item());
        inputs.put("history", c.history());
        inputs.put("correction", c.correction());
        inputs.put("mitigating", c.mitigating());
        inputs.put("aggravating", c.aggravating());
        inputs.put("accidentGrade", c.accidentGrade());
        inputs.put("especiallySerious", Boolean.TRUE.equals(c.especiallySerious()));
        inputs.put("originalFine", c.originalFine());
        // the band shares are the model's parameters: it takes its own defaults when none is given
        inputs.put("lenientShare", null);
        inputs.put("severeShare", null);
        ModelDecision decided;
        try {
            decided = snapshot.decide(MODEL, inputs);
        } catch (DecisionModelException e) {
            throw new DiscretionUnavailableException(
                    Text.of(
                            "enforcement.model-unavailable",
                            "The rule set in force ({0}) cannot decide enforcement measures: {1}",
                            snapshot.version().shortHash(),
                            Text.english(e.getMessage())),
                    e);
        }
        Map<String, Object> results = decided.results();
        List<String> missing = strings(results.get("Missing circumstances"));
        if (!missing.isEmpty()) {
            String at = field.isEmpty() ? "" : field + ".";
            throw new MissingCircumstancesException(
                    Text.of(
                            "enforcement.missing-circumstances",
                            "Article {0} cannot be decided without: {1}.",
                            c.article() == null ? "?" : c.article(),
                            String.join(", ", missing)),
                    missing.stream().map(name -> at + name).toList());
        }
        Map<String, Object> range = map(results.get("Legal range"));
        if (range == null) {
            throw new UnknownViolationException(
                    Text.of(
                            "enforcement.unknown-violation",
                            "The rule set in force ({0}) knows no measures for article {1}{2} of the Work Safety Law.",
                            snapshot.version().shortHash(),
                            c.article(),
                            c.item() == null
                                    ? Text.english("")
                                    : Text.of("enforcement.item-suffix", " item {0}", c.item())),
                    field.isEmpty() ? "article" : field + ".article",
                    c.article(),
                    c.item());
        }
        Map<String, Object> band = map(results.get("Discretion band"));
        Map<String, Object> bounds = map(results.get("Band bounds"));
        return new EnforcementDecision(
                c,
                (String) band.get("band"),
                Boolean.TRUE.equals(range.get("orderToCorrect")),
                whole(results.get("Correction deadline days")),
                EnforcementDecision.Range.of(number(range.get("unitMin")), number(range.get("unitMax"))),
                EnforcementDecision.Range.of(number(range.get("personMin")), number(range.get("personMax"))),
                EnforcementDecision.Range.of(number(bounds.get("unitMin")), number(bounds.get("unitMax"))),
                EnforcementDecision.Range.of(number(bounds.get("personMin")), number(bounds.get("personMax"))),
                Boolean.TRUE.equals(range.get("suspension")),
                Boolean.TRUE.equals(results.get("Daily fine eligible")),
                strings(results.get("Legal basis")),
                strings(results.get("Reasons")),
                decided.provenance());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(v -> v != null).map(String::valueOf).toList();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(0, java.math.RoundingMode.HALF_UP);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return null;
    }

    private static Integer whole(Object value) {
        BigDecimal n = number(value);
        return n == null ? null : n.intValueExact();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
