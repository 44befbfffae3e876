package org.safereg.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.kogito.dmn.DMNKogito;

/**
 * The shipped discretion model evaluated on the DMN runtime the engine uses: it builds without errors, and a policy
 * officer's cases (one per article and per band, the band boundaries) come out as the law and the benchmark say.
 */
class EnforcementDiscretionModelTests {

    private static final Path MODEL = Path.of("..", "decision-tables", "enforcement-discretion.dmn");

    private static DMNRuntime runtime;
    private static DMNModel model;

    @BeforeAll
    static void build() throws IOException {
        // as the engine runs it: Kogito's generic DMN runtime with runtime type checks
        try (Reader reader = Files.newBufferedReader(MODEL)) {
            runtime = DMNKogito.createGenericDMNRuntime(Set.of(), true, reader);
        }
        model = runtime.getModels().get(0);
    }

    @Test
    void theModelBuildsWithoutErrorsAndIsNamedForFeatures() {
        assertThat(model.getName()).isEqualTo("enforcement-discretion");
        assertThat(model.getMessages(DMNMessage.Severity.ERROR)).isEmpty();
        assertThat(model.getDecisions())
                .extracting(d -> d.getName())
                .contains(
                        "Legal range",
                        "Discretion band",
                        "Band bounds",
                        "Legal basis",
                        "Reasons",
                        "Missing circumstances");
    }

    @Test
    void article97FirstOffenceWithoutCircumstancesIsOrdinaryInTheMiddleOfUpTo100000() {
        Map<String, Object> r = decide(inputs(97, 7, "FIRST", "BY_DEADLINE"));
        assertThat(band(r)).isEqualTo("ORDINARY");
        assertThat(range(r))
                .containsEntry("unitMin", n(0))
                .containsEntry("unitMax", n(100000))
                .containsEntry("suspension", false)
                .containsEntry("orderToCorrect", true);
        assertThat(bounds(r)).containsEntry("unitMin", n(30000)).containsEntry("unitMax", n(70000));
        assertThat(r.get("Correction deadline days")).isEqualTo(n(30));
        assertThat(strings(r, "Legal basis").get(0)).contains("特种作业人员").contains("第九十七条第（七）项");
        assertThat(strings(r, "Legal basis").get(1)).contains("处十万元以下的罚款");
    }

    @Test
    void article97NotCorrectedSuspendsAndFinesPersonsInTheSevereBand() {
        Map<String, Object> r = decide(inputs(97, 3, "FIRST", "OVERDUE"));
        assertThat(band(r)).isEqualTo("SEVERE");
        assertThat(range(r))
                .containsEntry("unitMin", n(100000))
                .containsEntry("unitMax", n(200000))
                .containsEntry("personMin", n(20000))
                .containsEntry("personMax", n(50000))
                .containsEntry("suspension", true);
        assertThat(bounds(r))
                .containsEntry("unitMin", n(170000))
                .containsEntry("unitMax", n(200000))
                .containsEntry("personMin", n(41000))
                .containsEntry("personMax", n(50000));
        assertThat(strings(r, "Reasons")).anyMatch(s -> s.contains("逾期未改正")).contains("责令停产停业整顿。");
    }

    @Test
    void article99FirstOffenceCorrectedOnTheSpotIsLenient() {
        Map<String, Object> r = decide(inputs(99, 4, "FIRST", "ON_THE_SPOT"));
        assertThat(band(r)).isEqualTo("LENIENT");
        assertThat(bounds(r)).containsEntry("unitMin", n(0)).containsEntry("unitMax", n(15000));
        assertThat(r.get("Correction deadline days")).isEqualTo(n(0));
        assertThat(r.get("Daily fine eligible")).isEqualTo(false);
    }

    @Test
    void article99NotCorrectedWithObstructionIsSeriousAndSuspends() {
        Map<String, Object> in = inputs(99, 2, "FIRST", "OVERDUE");
        in.put("aggravating", List.of("OBSTRUCTION"));
        Map<String, Object> r = decide(in);
        assertThat(band(r)).isEqualTo("SEVERE");
        assertThat(range(r))
                .containsEntry("unitMin", n(50000))
                .containsEntry("unitMax", n(200000))
                .containsEntry("personMin", n(10000))
                .containsEntry("personMax", n(20000))
                .containsEntry("suspension", true);
        assertThat(bounds(r)).containsEntry("unitMin", n(155000)).containsEntry("unitMax", n(200000));
    }

    @Test
    void article101RepeatWithin12MonthsIsSevere() {
        Map<String, Object> r = decide(inputs(101, 2, "REPEAT_12M", "BY_DEADLINE"));
        assertThat(band(r)).isEqualTo("SEVERE");
        assertThat(bounds(r)).containsEntry("unitMin", n(70000)).containsEntry("unitMax", n(100000));
        assertThat(strings(r, "Legal basis").get(0)).contains("重大危险源");
    }

    @Test
    void article102RefusedSuspendsAndFinesPersons50000To100000AndOpensDailyFines() {
        Map<String, Object> in = inputs(102, null, "FIRST", "REFUSED");
        Map<String, Object> r = decide(in);
        assertThat(range(r))
                .containsEntry("unitMax", n(50000))
                .containsEntry("personMin", n(50000))
                .containsEntry("personMax", n(100000))
                .containsEntry("suspension", true);
        assertThat(r.get("Daily fine eligible")).isEqualTo(true);
        assertThat(strings(r, "Legal basis")).anyMatch(s -> s.contains("第一百一十二条"));
    }

    @Test
    void article102MitigatedIsLenient() {
        Map<String, Object> in = inputs(102, null, "FIRST", "BY_DEADLINE");
        in.put("mitigating", List.of("ELIMINATED_HARM"));
        Map<String, Object> r = decide(in);
        assertThat(band(r)).isEqualTo("LENIENT");
        assertThat(bounds(r)).containsEntry("unitMin", n(0)).containsEntry("unitMax", n(15000));
    }

    @Test
    void aggravatingOutranksMitigating() {
        Map<String, Object> in = inputs(102, null, "FIRST", "BY_DEADLINE");
        in.put("mitigating", List.of("CONFESSED"));
        in.put("aggravating", List.of("EVIDENCE_DESTROYED"));
        assertThat(band(decide(in))).isEqualTo("SEVERE");
    }

    @Test
    void article112FinesDailyAtTheOriginalAmount() {
        Map<String, Object> in = inputs(112, null, "FIRST", "REFUSED");
        in.put("originalFine", 20000);
        Map<String, Object> r = decide(in);
        assertThat(range(r)).containsEntry("unitMin", n(20000)).containsEntry("unitMax", n(20000));
        assertThat(r.get("Daily fine eligible")).isEqualTo(true);
        assertThat(bounds(r)).containsEntry("unitMin", n(20000)).containsEntry("unitMax", n(20000));
    }

    @Test
    void article114FinesByAccidentGradeAndTwoToFiveTimesWhenEspeciallySerious() {
        Map<String, Object> in = inputs(114, null, "FIRST", "BY_DEADLINE");
        in.put("accidentGrade", "LARGE");
        Map<String, Object> r = decide(in);
        assertThat(range(r))
                .containsEntry("unitMin", n(1000000))
                .containsEntry("unitMax", n(2000000))
                .containsEntry("orderToCorrect", false);
        assertThat(bounds(r)).containsEntry("unitMin", n(1300000)).containsEntry("unitMax", n(1700000));
        in.put("accidentGrade", "ESPECIALLY_MAJOR");
        in.put("especiallySerious", true);
        r = decide(in);
        assertThat(range(r)).containsEntry("unitMin", n(20000000)).containsEntry("unitMax", n(100000000));
    }

    @Test
    void theBandSharesArePolicyParameters() {
        Map<String, Object> in = inputs(97, 1, "FIRST", "BY_DEADLINE");
        in.put("lenientShare", new BigDecimal("0.25"));
        in.put("severeShare", new BigDecimal("0.25"));
        assertThat(bounds(decide(in))).containsEntry("unitMin", n(25000)).containsEntry("unitMax", n(75000));
    }

    @Test
    void missingCircumstancesAreNamedAndAnArticleOutsideTheModelDecidesNothing() {
        Map<String, Object> r = decide(inputs(114, null, "FIRST", "BY_DEADLINE"));
        assertThat(strings(r, "Missing circumstances")).containsExactly("accidentGrade");
        assertThat(r.get("Legal range")).isNull();
        Map<String, Object> daily = decide(inputs(112, null, "FIRST", "REFUSED"));
        assertThat(strings(daily, "Missing circumstances")).containsExactly("originalFine");
        Map<String, Object> unknown = decide(inputs(96, 1, "FIRST", "BY_DEADLINE"));
        assertThat(unknown.get("Legal range")).isNull();
        assertThat(strings(unknown, "Legal basis")).isEmpty();
        assertThat(strings(decide(inputs(97, null, "FIRST", "BY_DEADLINE")), "Missing circumstances"))
                .containsExactly("item");
    }

    @Test
    void eachDecisionTableNamesTheRuleThatFired() {
        List<String> fired = new ArrayList<>();
        DMNRuntimeEventListener listener = new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                for (Integer index : event.getSelected()) {
                    fired.add(event.getDecisionTableName() + "#" + index);
                }
            }
        };
        runtime.addListener(listener);
        try {
            decide(inputs(97, 7, "FIRST", "OVERDUE"));
        } finally {
            runtime.removeListener(listener);
        }
        // rule numbers are 1-based as the DMN editor shows them
        assertThat(fired).contains("Stage#2", "Legal range#2", "Discretion band#3", "Conduct#7");
    }

    private static Map<String, Object> decide(Map<String, Object> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        DMNResult result = runtime.evaluateAll(model, context);
        assertThat(result.getMessages(DMNMessage.Severity.ERROR))
                .as("evaluation errors")
                .isEmpty();
        Map<String, Object> decisions = new HashMap<>();
        result.getDecisionResults().forEach(d -> decisions.put(d.getDecisionName(), d.getResult()));
        return decisions;
    }

    private static Map<String, Object> inputs(int article, Integer item, String history, String correction) {
        Map<String, Object> in = new HashMap<>();
        in.put("article", article);
        in.put("item", item);
        in.put("history", history);
        in.put("correction", correction);
        in.put("mitigating", List.of());
        in.put("aggravating", List.of());
        in.put("accidentGrade", null);
        in.put("especiallySerious", false);
        in.put("originalFine", null);
        in.put("lenientShare", null);
        in.put("severeShare", null);
        return in;
    }

    private static String band(Map<String, Object> r) {
        return (String) ((Map<?, ?>) r.get("Discretion band")).get("band");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> range(Map<String, Object> r) {
        return (Map<String, Object>) r.get("Legal range");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bounds(Map<String, Object> r) {
        return (Map<String, Object>) r.get("Band bounds");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> r, String decision) {
        return (List<String>) r.get(decision);
    }

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }
}
