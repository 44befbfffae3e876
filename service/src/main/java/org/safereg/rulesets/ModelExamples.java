package org.safereg.rulesets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.safereg.engine.DecisionModelException;
import org.safereg.engine.DmnCase;
import org.safereg.engine.DmnTable;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;

/**
 * The examples of the DMN models of a version: the cases written in {@code <model>.examples.json} beside a model
 * ({@code MODEL}), each decided by the whole model, and the MC/DC cases the decision-table analysis derives
 * ({@code MCDC}), each decided by its table's decision on the values the case gives. Failing cases of either
 * kind keep the version from being activated.
 *
 * <p>An examples file is a JSON array of cases: {@code {"name": ..., "inputs": {input data name: value},
 * "expect": {decision name: value}}}. A decision not named in {@code expect} is not checked.
 */
final class ModelExamples {

    /** A name FEEL reads without evaluating anything: words (with spaces) joined by dots. */
    private static final Pattern PATH =
            Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_ ?'/-]*(\\.[\\p{L}_][\\p{L}\\p{N}_ ?'/-]*)*");

    private final ObjectMapper json;

    ModelExamples(ObjectMapper json) {
        this.json = json;
    }

    void run(List<RuleFile> files, RuleSetSnapshot rules, List<ExampleCase> cases, List<ProblemView> problems) {
        for (RuleFile file : files) {
            if (file.isModelExamples()) {
                written(file, rules, cases, problems);
            }
        }
        for (DmnCase mcdc : rules.modelCases()) {
            if (mcdc.inputs().keySet().stream()
                    .allMatch(name -> PATH.matcher(name).matches())) {
                cases.add(derived(mcdc, rules));
            }
        }
    }

    private void written(RuleFile file, RuleSetSnapshot rules, List<ExampleCase> cases, List<ProblemView> problems) {
        String model = modelOf(file.examplesOf(), rules);
        JsonNode root;
        try {
            root = json.readTree(file.content());
        } catch (java.io.IOException e) {
            problems.add(ProblemView.inFile(
                    file.path(),
                    "the examples are not readable JSON: " + e.getMessage(),
                    "示例不是可读的 JSON：" + e.getMessage()));
            return;
        }
        if (root == null || !root.isArray()) {
            problems.add(ProblemView.inFile(
                    file.path(),
                    "the examples must be a JSON array of cases, each {\"name\", \"inputs\", \"expect\"}",
                    "示例必须是由案例组成的 JSON 数组，每个案例含 name、inputs、expect"));
            return;
        }
        int number = 0;
        for (JsonNode node : root) {
            number++;
            String name = node.path("name").asText("case " + number);
            JsonNode expect = node.path("expect");
            if (!expect.isObject() || expect.isEmpty()) {
                problems.add(new ProblemView(
                        file.path(),
                        model,
                        number,
                        null,
                        null,
                        name,
                        file.path() + ", case " + number,
                        "example '" + name + "' expects nothing: give at least one decision in \"expect\"",
                        "示例“" + name + "”没有期望结果：请在 expect 中至少给出一个决策"));
                continue;
            }
            Map<String, Object> inputs = new LinkedHashMap<>();
            node.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), value(e.getValue())));
            Map<String, String> expected = new LinkedHashMap<>();
            expect.fields().forEachRemaining(e -> expected.put(e.getKey(), text(value(e.getValue()))));
            Map<String, String> given = texts(inputs);
            if (model == null) {
                cases.add(new ExampleCase(
                        "MODEL",
                        file.path(),
                        null,
                        number,
                        name,
                        given,
                        expected,
                        null,
                        false,
                        "the rule set has no model in " + file.examplesOf(),
                        "规则集中没有模型 " + file.examplesOf()));
                continue;
            }
            try {
                Map<String, Object> results = rules.decide(model, inputs).results();
                cases.add(compared("MODEL", file.path(), model, number, name, given, expected, texts(results)));
            } catch (DecisionModelException e) {
                cases.add(new ExampleCase(
                        "MODEL",
                        file.path(),
                        model,
                        number,
                        name,
                        given,
                        expected,
                        null,
                        false,
                        "the model could not decide this case: " + e.getMessage(),
                        "模型无法判定此案例：" + e.getMessage()));
            }
        }
    }

    private ExampleCase derived(DmnCase mcdc, RuleSetSnapshot rules) {
        String name = "MC/DC: rule " + mcdc.rule() + " of " + mcdc.decision();
        Map<String, String> given = texts(mcdc.inputs());
        Map<String, String> expected = texts(mcdc.outputs());
        try {
            Map<String, Object> decided = rules.decideOne(mcdc.model(), mcdc.decision(), nested(mcdc.inputs()));
            return compared("MCDC", mcdc.file(), mcdc.decision(), mcdc.rule(), name, given, expected, texts(decided));
        } catch (DecisionModelException e) {
            return new ExampleCase(
                    "MCDC",
                    mcdc.file(),
                    mcdc.decision(),
                    mcdc.rule(),
                    name,
                    given,
                    expected,
                    null,
                    false,
                    "the model could not decide this case: " + e.getMessage(),
                    "模型无法判定此案例：" + e.getMessage());
        }
    }

    private static ExampleCase compared(
            String source,
            String file,
            String sheet,
            int row,
            String name,
            Map<String, String> given,
            Map<String, String> expected,
            Map<String, String> actual) {
        List<String> differences = new ArrayList<>();
        List<String> differencesZh = new ArrayList<>();
        expected.forEach((outcome, want) -> {
            String got = actual.get(outcome);
            if (!Examples.same(want, got == null ? null : got)) {
                differences.add(outcome + " expected " + want + " but the model gives " + got);
                differencesZh.add(outcome + " 期望为 " + want + "，模型给出 " + got);
            }
        });
        boolean passed = differences.isEmpty();
        return new ExampleCase(
                source,
                file,
                sheet,
                row,
                name,
                given,
                expected,
                actual,
                passed,
                passed ? null : String.join("; ", differences),
                passed ? null : String.join("；", differencesZh));
    }

    /** The model in {@code dmnPath}, by the name features ask for it. */
    private static String modelOf(String dmnPath, RuleSetSnapshot rules) {
        return rules.modelTables().stream()
                .filter(t -> t.file().equals(dmnPath))
                .map(DmnTable::model)
                .findFirst()
                .orElseGet(() -> rules.modelFiles().get(dmnPath));
    }

    /** {@code a.b} given as one value becomes {@code a: {b: value}}, as FEEL reads the path. */
    private static Map<String, Object> nested(Map<String, Object> values) {
        Map<String, Object> nested = new LinkedHashMap<>();
        values.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Map<String, Object> at = nested;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>)
                        at.computeIfAbsent(parts[i].strip(), k -> new LinkedHashMap<String, Object>());
                at = next;
            }
            at.put(parts[parts.length - 1].strip(), value);
        });
        return nested;
    }

    private Object value(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        return json.convertValue(node, Object.class);
    }

    private Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((k, v) -> texts.put(k, text(v)));
        return texts;
    }

    private String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof String || value instanceof Boolean) {
            return value.toString();
        }
        try {
            // contexts and lists compare by content: keys in order, numbers by value
            return json.writer()
                    .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(canonical(value));
        } catch (JsonProcessingException e) {
            return Objects.toString(value);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(ModelExamples::canonical).toList();
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }
}
