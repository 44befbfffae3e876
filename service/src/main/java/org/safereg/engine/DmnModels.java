package org.safereg.engine;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.model.api.BusinessKnowledgeModel;
import org.kie.dmn.model.api.Context;
import org.kie.dmn.model.api.ContextEntry;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Expression;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.RuleAnnotation;
import org.kie.dmn.model.api.UnaryTests;
import org.kie.kogito.dmn.DMNKogito;
import org.kie.kogito.dmn.DmnDecisionModel;

/**
 * The DMN models of one rule-set version, compiled once with Kogito's DMN runtime: evaluated by model name, with
 * the decision-table rules that matched reported as ordinals after the version's Drools rules. Thread-safe: the
 * runtime is shared, the rules that matched are collected per thread.
 */
final class DmnModels {

    static final DmnModels NONE = new DmnModels(null, Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of());

    /** A rule of a decision table as the version's catalog lists it. */
    record CatalogRule(String packageName, String name, RuleOrigin origin) {}

    private final DMNRuntime runtime;
    private final Map<String, DmnDecisionModel> byName;
    private final Map<String, String> files;
    private final List<DmnTable> tables;
    private final List<CatalogRule> rules;
    private final Map<String, Integer> firstRule;
    private final List<TableFinding> findings;
    private final List<DmnCase> cases;
    private final ThreadLocal<Capture> capture = new ThreadLocal<>();

    /** The rules that matched in the evaluation running on this thread. */
    private record Capture(String namespace, int base, List<Integer> ordinals) {}

    private DmnModels(
            DMNRuntime runtime,
            Map<String, DmnDecisionModel> byName,
            Map<String, String> files,
            List<DmnTable> tables,
            List<CatalogRule> rules,
            List<TableFinding> findings,
            List<DmnCase> cases) {
        this.runtime = runtime;
        this.byName = Map.copyOf(byName);
        this.files = Map.copyOf(files);
        this.tables = List.copyOf(tables);
        this.rules = List.copyOf(rules);
        this.findings = List.copyOf(findings);
        this.cases = List.copyOf(cases);
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            RuleOrigin origin = this.rules.get(i).origin();
            first.putIfAbsent(key(this.rules.get(i).packageName(), origin.sheet(), origin.table()), i);
        }
        this.firstRule = first;
        if (runtime != null) {
            runtime.addListener(new DMNRuntimeEventListener() {
                @Override
                public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                    matched(event);
                }
            });
        }
    }

    List<CatalogRule> rules() {
        return rules;
    }

    /** The model's name by the path of its file. */
    Map<String, String> files() {
        return files;
    }

    List<DmnTable> tables() {
        return tables;
    }

    List<TableFinding> findings() {
        return findings;
    }

    List<DmnCase> cases() {
        return cases;
    }

    Set<String> modelNames() {
        return byName.keySet();
    }

    /**
     * Compiles the DMN files among {@code files}; their problems, located, go to {@code problems}, and then null
     * comes back.
     */
    static DmnModels compile(List<RuleFile> files, List<RuleProblem> problems) {
        List<RuleFile> dmn = files.stream().filter(RuleFile::isDmn).toList();
        if (dmn.isEmpty()) {
            return NONE;
        }
        int before = problems.size();
        Map<String, RuleFile> byNamespace = new LinkedHashMap<>();
        Map<String, RuleFile> byModelName = new LinkedHashMap<>();
        for (RuleFile file : dmn) {
            DmnXml.Checked checked = DmnXml.check(file);
            if (checked.problem() != null) {
                problems.add(checked.problem());
                continue;
            }
            RuleFile other = byModelName.putIfAbsent(checked.name(), file);
            if (other != null) {
                problems.add(RuleProblem.inFile(
                        file.path(),
                        "another model of the rule set, " + other.path() + ", has the same name '" + checked.name()
                                + "': features ask for a model by its name, so each must be unique"));
            }
            byNamespace.putIfAbsent(checked.namespace(), file);
        }
        if (problems.size() > before) {
            return null;
        }
        DmnValidation.Result validation = DmnValidation.validate(dmn, byNamespace);
        problems.addAll(validation.problems());
        // what the table analysis holds for an error (rules overlapping under a UNIQUE or ANY hit policy) would
        // fail decisions at run time: it refuses the version like any other error
        validation.findings().stream().filter(TableFinding::error).forEach(f -> problems.add(f.problem()));
        if (problems.size() > before) {
            return null;
        }
        DMNRuntime runtime;
        try {
            runtime = DMNKogito.createGenericDMNRuntime(Set.of(), true, readers(dmn));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            problems.add(RuleProblem.inFile(
                    dmn.size() == 1 ? dmn.get(0).path() : "(DMN models)",
                    "the DMN models cannot be loaded: " + cause.getMessage()));
            return null;
        }
        Map<String, DmnDecisionModel> byName = new TreeMap<>();
        Map<String, String> modelFiles = new TreeMap<>();
        List<DmnTable> tables = new ArrayList<>();
        List<CatalogRule> rules = new ArrayList<>();
        List<DMNModel> models = new ArrayList<>(runtime.getModels());
        models.sort(Comparator.comparing(m -> byNamespace.get(m.getNamespace()) == null
                ? "~" + m.getName()
                : byNamespace.get(m.getNamespace()).path()));
        for (DMNModel model : models) {
            RuleFile file = byNamespace.get(model.getNamespace());
            String path = file == null ? model.getName() : file.path();
            if (model.hasErrors()) {
                for (DMNMessage message : model.getMessages(DMNMessage.Severity.ERROR)) {
                    problems.add(DmnValidation.locate(path, message));
                }
                continue;
            }
            byName.put(model.getName(), new DmnDecisionModel(runtime, model.getNamespace(), model.getName()));
            modelFiles.put(path, model.getName());
            collectTables(path, model, tables, rules);
        }
        if (problems.size() > before) {
            return null;
        }
        return new DmnModels(
                runtime,
                byName,
                modelFiles,
                tables,
                rules,
                validation.findings().stream().filter(f -> !f.error()).toList(),
                validation.cases());
    }

    private static Reader[] readers(List<RuleFile> files) {
        return files.stream()
                .map(f -> new StringReader(new String(f.content(), StandardCharsets.UTF_8)))
                .toArray(Reader[]::new);
    }

    /** Every decision table of the model's decisions and knowledge models, in the order the file has them. */
    private static void collectTables(String path, DMNModel model, List<DmnTable> tables, List<CatalogRule> rules) {
        for (DRGElement element : model.getDefinitions().getDrgElement()) {
            Expression expression = null;
            if (element instanceof Decision decision) {
                expression = decision.getExpression();
            } else if (element instanceof BusinessKnowledgeModel knowledge
                    && knowledge.getEncapsulatedLogic() != null) {
                expression = knowledge.getEncapsulatedLogic().getExpression();
            }
            for (DecisionTable table : decisionTables(expression)) {
                DmnTable view = view(path, model.getName(), element.getName(), table);
                tables.add(view);
                for (DmnTable.Rule rule : view.rules()) {
                    String name = element.getName() + " #" + rule.number();
                    rules.add(new CatalogRule(
                            model.getName(),
                            name,
                            new RuleOrigin(
                                    path,
                                    element.getName(),
                                    tableKey(table, element.getName()),
                                    rule.number(),
                                    rule.annotation())));
                }
            }
        }
    }

    static List<DecisionTable> decisionTables(Expression expression) {
        List<DecisionTable> found = new ArrayList<>();
        if (expression instanceof DecisionTable table) {
            found.add(table);
        } else if (expression instanceof Context context) {
            for (ContextEntry entry : context.getContextEntry()) {
                found.addAll(decisionTables(entry.getExpression()));
            }
        }
        return found;
    }

    /** How the catalog and the problems name a table: its id, as the DMN runtime reports it, or the decision's name. */
    static String tableKey(DecisionTable table, String decision) {
        return table.getId() != null && !table.getId().isBlank() ? table.getId() : decision;
    }

    private static DmnTable view(String path, String model, String decision, DecisionTable table) {
        List<String> inputs = new ArrayList<>();
        for (InputClause input : table.getInput()) {
            String label = input.getLabel();
            inputs.add(
                    label != null && !label.isBlank()
                            ? label
                            : input.getInputExpression() == null
                                    ? ""
                                    : input.getInputExpression().getText());
        }
        List<String> outputs = new ArrayList<>();
        for (OutputClause output : table.getOutput()) {
            String label = output.getLabel();
            outputs.add(
                    label != null && !label.isBlank() ? label : output.getName() != null ? output.getName() : decision);
        }
        List<DmnTable.Rule> rows = new ArrayList<>();
        int number = 0;
        for (DecisionRule rule : table.getRule()) {
            number++;
            rows.add(new DmnTable.Rule(
                    number,
                    rule.getInputEntry().stream().map(DmnModels::text).toList(),
                    rule.getOutputEntry().stream().map(DmnModels::text).toList(),
                    annotation(rule)));
        }
        return new DmnTable(
                path,
                model,
                decision,
                tableKey(table, decision),
                table.getHitPolicy() == null ? "UNIQUE" : table.getHitPolicy().name(),
                inputs,
                outputs,
                rows);
    }

    private static String text(Object entry) {
        String text = entry instanceof UnaryTests tests
                ? tests.getText()
                : entry instanceof LiteralExpression literal ? literal.getText() : null;
        return text == null ? "" : text.strip();
    }

    /** The rule's annotation cells, or its description when it has none. */
    private static String annotation(DecisionRule rule) {
        List<String> texts = new ArrayList<>();
        for (RuleAnnotation entry : rule.getAnnotationEntry()) {
            if (entry.getText() != null && !entry.getText().isBlank()) {
                texts.add(entry.getText().strip());
            }
        }
        if (texts.isEmpty()
                && rule.getDescription() != null
                && !rule.getDescription().isBlank()) {
            texts.add(rule.getDescription().strip());
        }
        if (texts.isEmpty()) {
            return null;
        }
        String text = String.join(" / ", texts);
        // the catalog keeps up to 1000 characters of it
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static String key(String model, String decision, String table) {
        return model + '\u0000' + decision + '\u0000' + table;
    }

    private void matched(AfterEvaluateDecisionTableEvent event) {
        Capture current = capture.get();
        if (current == null) {
            return;
        }
        String table = event.getDecisionTableId() != null
                        && !event.getDecisionTableId().isBlank()
                ? event.getDecisionTableId()
                : event.getNodeName();
        Integer first = firstRule.get(key(current.namespace(), event.getNodeName(), table));
        if (first == null) {
            return;
        }
        for (Integer selected : event.getSelected()) {
            // the runtime numbers a table's rules from 1, as the editors show them
            current.ordinals().add(current.base() + first + selected - 1);
        }
    }

    /**
     * Evaluates every decision of model {@code name} on {@code inputs}; {@code base} is the ordinal of the
     * version's first DMN rule.
     */
    ModelDecision decide(String version, int base, String name, Map<String, Object> inputs) {
        DmnDecisionModel model = byName.get(name);
        if (model == null) {
            throw new DecisionModelException(
                    name,
                    null,
                    "rule set " + shortHash(version) + " has no DMN model named '" + name + "'"
                            + (byName.isEmpty()
                                    ? " (it has none)"
                                    : "; its models are " + String.join(", ", byName.keySet())));
        }
        // straight into the runtime's own context, and evaluated by the runtime: DmnDecisionModel would copy the
        // inputs once more and stamp each evaluation with a random execution id that nothing here reads
        DMNContext context = runtime.newContext();
        inputs.forEach((key, value) -> context.set(key, feel(value)));
        List<Integer> ordinals = new ArrayList<>();
        capture.set(new Capture(name, base, ordinals));
        DMNResult result;
        try {
            result = runtime.evaluateAll(model.getDMNModel(), context);
        } finally {
            capture.remove();
        }
        failIfErrors(name, result);
        Map<String, Object> results = new LinkedHashMap<>();
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            results.put(decision.getDecisionName(), plain(decision.getResult()));
        }
        return new ModelDecision(new Provenance(version, ordinals), results);
    }

    /**
     * Evaluates one decision of a model with the given values of the names its table reads (inputs, or the
     * decisions it requires), for the examples the analysis derives.
     */
    Map<String, Object> decideOne(String name, String decision, Map<String, Object> values) {
        DmnDecisionModel model = byName.get(name);
        if (model == null) {
            throw new DecisionModelException(name, decision, "no DMN model named '" + name + "'");
        }
        DMNContext context = model.newContext(plainInputs(values));
        DMNResult result = runtime.evaluateDecisionByName(model.getDMNModel(), decision, context);
        failIfErrors(name, result);
        DMNDecisionResult one = result.getDecisionResultByName(decision);
        Object value = one == null ? null : plain(one.getResult());
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> outcome.put(String.valueOf(k), v));
        } else {
            outcome.put(decision, value);
        }
        return outcome;
    }

    private static void failIfErrors(String model, DMNResult result) {
        if (!result.hasErrors()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        String failed = null;
        for (DMNDecisionResult decision : result.getDecisionResults()) {
            if (decision.hasErrors()
                    || decision.getEvaluationStatus() == DMNDecisionResult.DecisionEvaluationStatus.FAILED) {
                List<String> texts = decision.getMessages().stream()
                        .filter(m -> m.getSeverity() == DMNMessage.Severity.ERROR)
                        .map(m -> DmnSentences.clean(m.getText()))
                        .toList();
                if (failed == null) {
                    failed = decision.getDecisionName();
                }
                reasons.add("decision '" + decision.getDecisionName() + "': "
                        + (texts.isEmpty()
                                ? decision.getEvaluationStatus().name().toLowerCase()
                                : String.join("; ", texts)));
            }
        }
        if (reasons.isEmpty()) {
            result.getMessages(DMNMessage.Severity.ERROR).forEach(m -> reasons.add(DmnSentences.clean(m.getText())));
        }
        throw new DecisionModelException(
                model, failed, "DMN model '" + model + "' could not decide: " + String.join(" | ", reasons));
    }

    private static String shortHash(String version) {
        return version == null || version.length() < 12 ? String.valueOf(version) : version.substring(0, 12);
    }

    /** Java numbers as FEEL numbers, maps and lists element by element. */
    static Map<String, Object> plainInputs(Map<String, ?> inputs) {
        Map<String, Object> converted = new LinkedHashMap<>();
        inputs.forEach((key, value) -> converted.put(key, feel(value)));
        return converted;
    }

    private static Object feel(Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), feel(v)));
            return converted;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(DmnModels::feel).toList();
        }
        return value;
    }

    /** FEEL results as plain Java: contexts as ordered maps, lists as lists, the rest as the runtime gives them. */
    static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), plain(v)));
            return java.util.Collections.unmodifiableMap(converted);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(DmnModels::plain).toList();
        }
        if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean || value == null) {
            return value;
        }
        if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.Duration) {
            return value;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return value.toString();
    }
}
