package org.safereg.engine;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.NamedElement;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidator.Validation;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;
import org.kie.dmn.validation.dtanalysis.mcdc.MCDCAnalyser;
import org.kie.dmn.validation.dtanalysis.model.DTAnalysis;

/**
 * The checks of kie-dmn-validation on a version's DMN models, in the policy officer's terms: XML schema, the
 * model (names, types, references, imports), FEEL compilation, and the decision-table analysis (gaps,
 * overlaps, masked and subsumed rules, hit-policy violations), each located by file, decision, table and
 * rule number; plus the MC/DC cases the analysis derives.
 */
final class DmnValidation {

    /** Errors refuse the version; findings (warnings) are shown with it; cases are offered as examples. */
    record Result(List<RuleProblem> problems, List<TableFinding> findings, List<DmnCase> cases) {
        Result {
            problems = List.copyOf(problems);
            findings = List.copyOf(findings);
            cases = List.copyOf(cases);
        }
    }

    /**
     * The checks' results of the last few sets of models, by their paths and contents. The checks are most of
     * a compile's time and depend on nothing else, while the same models are compiled again and again: by every
     * instance at each activation, and at each upload that changes only a workbook.
     */
    private static final int REMEMBERED = 16;

    private static final Map<String, Result> RESULTS =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private DmnValidation() {}

    static Result validate(List<RuleFile> files, Map<String, RuleFile> byNamespace) {
        StringBuilder key = new StringBuilder();
        for (RuleFile file : files) {
            key.append(file.path())
                    .append('\0')
                    .append(RuleSetCompiler.sha256(file.content()))
                    .append('\n');
        }
        Result known = RESULTS.get(key.toString());
        if (known != null) {
            return known;
        }
        Result result = check(files, byNamespace);
        RESULTS.put(key.toString(), result);
        return result;
    }

    private static Result check(List<RuleFile> files, Map<String, RuleFile> byNamespace) {
        List<RuleProblem> problems = new ArrayList<>();
        List<TableFinding> findings = new ArrayList<>();
        List<DmnCase> cases = new ArrayList<>();
        DMNValidator validator = DMNValidatorFactory.newValidator(List.of());
        try {
            for (RuleFile file : files) {
                for (DMNMessage message : validator.validate(reader(file), Validation.VALIDATE_SCHEMA)) {
                    if (message.getSeverity() == DMNMessage.Severity.ERROR) {
                        problems.add(locate(file.path(), message));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return new Result(problems, findings, cases);
            }
            List<DMNMessage> messages;
            try {
                messages = validator
                        .validateUsing(
                                Validation.VALIDATE_MODEL,
                                Validation.VALIDATE_COMPILATION,
                                Validation.ANALYZE_DECISION_TABLE,
                                Validation.COMPUTE_DECISION_TABLE_MCDC)
                        .theseModels(readers(files));
            } catch (RuntimeException e) {
                // the validator throws rather than reports when an import cannot be resolved
                problems.add(unresolved(e, files, byNamespace));
                return new Result(problems, findings, cases);
            }
            Set<DTAnalysis> analysed = new LinkedHashSet<>();
            boolean analysisFailed = false;
            for (DMNMessage message : messages) {
                if (message instanceof DMNDTAnalysisMessage analysis) {
                    analysisFailed |= analysis.getAnalysis().isError();
                    if (!analysis.getAnalysis().isError()) {
                        analysed.add(analysis.getAnalysis());
                    }
                }
            }
            if (analysisFailed) {
                // where MC/DC cannot be computed for a table (its rules overlap), the analysis of that table fails
                // whole: its findings come from an analysis without MC/DC
                List<DMNMessage> plain = validator
                        .validateUsing(Validation.ANALYZE_DECISION_TABLE)
                        .theseModels(readers(files));
                List<DMNMessage> kept = new java.util.ArrayList<>(messages.stream()
                        .filter(m -> !(m instanceof DMNDTAnalysisMessage))
                        .toList());
                plain.stream().filter(m -> m instanceof DMNDTAnalysisMessage).forEach(kept::add);
                messages = kept;
            }
            for (DMNMessage message : messages) {
                String path = fileOf(message, files, byNamespace);
                if (message instanceof DMNDTAnalysisMessage analysis) {
                    TableFinding finding = finding(path, analysis);
                    if (finding != null) {
                        findings.add(finding);
                    }
                } else if (message.getSeverity() == DMNMessage.Severity.ERROR) {
                    problems.add(locate(path, message));
                } else if (message.getSeverity() == DMNMessage.Severity.WARN) {
                    RuleProblem located = locate(path, message);
                    findings.add(new TableFinding(false, located, DmnSentences.chinese(message)));
                }
            }
            if (problems.isEmpty()) {
                for (DTAnalysis analysis : analysed) {
                    cases.addAll(mcdc(analysis, files, byNamespace));
                }
            }
        } finally {
            validator.dispose();
        }
        return new Result(dedupe(problems), findings, cases);
    }

    private static final java.util.regex.Pattern FAILED_IMPORT = java.util.regex.Pattern.compile(
            "namespace=(\\S+) failed to import a DMN with namespace=(\\S+) name=(\\S+)");

    private static RuleProblem unresolved(RuntimeException e, List<RuleFile> files, Map<String, RuleFile> byNamespace) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        var failed = FAILED_IMPORT.matcher(text);
        if (failed.find()) {
            RuleFile importing = byNamespace.get(failed.group(1));
            return RuleProblem.inFile(
                    importing == null ? (files.size() == 1 ? files.get(0).path() : "(DMN models)") : importing.path(),
                    DmnSentences.lead(DMNMessageType.IMPORT_NOT_FOUND, false) + ": the import '" + failed.group(3)
                            + "' names the model of namespace " + failed.group(2)
                            + ", which no .dmn file of the rule set declares");
        }
        return RuleProblem.inFile(
                files.size() == 1 ? files.get(0).path() : "(DMN models)",
                DmnSentences.lead(null, false) + ": " + DmnSentences.clean(text));
    }

    private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }

    private static Reader[] readers(List<RuleFile> files) {
        return files.stream().map(DmnValidation::reader).toArray(Reader[]::new);
    }

    private static Reader reader(RuleFile file) {
        return new StringReader(new String(file.content(), StandardCharsets.UTF_8));
    }

    /** The analysis' finding on one table; an error (a hit policy the rules break) refuses the version. */
    private static TableFinding finding(String path, DMNDTAnalysisMessage message) {
        DMNMessageType type = message.getMessageType();
        if (type == DMNMessageType.DECISION_TABLE_ANALYSIS
                || type == DMNMessageType.DECISION_TABLE_ANALYSIS_EMPTY
                || message.getSeverity() == DMNMessage.Severity.INFO
                        && type == DMNMessageType.DECISION_TABLE_HITPOLICY_RECOMMENDER) {
            return null;
        }
        DecisionTable table = message.getAnalysis().getSource();
        String decision = decisionOf(table);
        Collection<Integer> rules = message.getRules() == null ? List.of() : message.getRules();
        Integer first = rules.isEmpty() ? null : rules.iterator().next();
        RuleProblem problem = RuleProblem.inModel(
                path,
                decision,
                DmnModels.tableKey(table, decision),
                first,
                line(table),
                rules.isEmpty() ? null : "rules " + rules,
                DmnSentences.english(message));
        return new TableFinding(
                message.getSeverity() == DMNMessage.Severity.ERROR, problem, DmnSentences.chinese(message));
    }

    /** A validation message located as precisely as its source allows. */
    static RuleProblem locate(String path, DMNMessage message) {
        Object source = message.getSourceReference();
        String decision = null;
        String table = null;
        Integer rule = null;
        Integer line = null;
        if (source instanceof DMNModelInstrumentedBase element) {
            line = element.getLocation() == null || element.getLocation().getLineNumber() <= 0
                    ? null
                    : element.getLocation().getLineNumber();
            for (DMNModelInstrumentedBase at = element; at != null; at = at.getParent()) {
                if (at instanceof DecisionRule decisionRule && at.getParent() instanceof DecisionTable dt) {
                    rule = dt.getRule().indexOf(decisionRule) + 1;
                }
                if (at instanceof DecisionTable dt && table == null) {
                    table = dt.getId();
                }
                if (decision == null
                        && at instanceof NamedElement named
                        && !(at instanceof Definitions)
                        && at.getParent() instanceof Definitions) {
                    decision = named.getName();
                }
            }
            if (table == null && decision != null) {
                table = null;
            } else if (table == null || table.isBlank()) {
                table = decision;
            }
        }
        return RuleProblem.inModel(path, decision, table, rule, line, null, DmnSentences.english(message));
    }

    private static String decisionOf(DMNModelInstrumentedBase element) {
        for (DMNModelInstrumentedBase at = element; at != null; at = at.getParent()) {
            if (at instanceof NamedElement named
                    && !(at instanceof Definitions)
                    && at.getParent() instanceof Definitions) {
                return named.getName();
            }
        }
        return null;
    }

    private static Integer line(DMNModelInstrumentedBase element) {
        return element.getLocation() == null || element.getLocation().getLineNumber() <= 0
                ? null
                : element.getLocation().getLineNumber();
    }

    private static Definitions definitionsOf(DMNModelInstrumentedBase element) {
        for (DMNModelInstrumentedBase at = element; at != null; at = at.getParent()) {
            if (at instanceof Definitions definitions) {
                return definitions;
            }
        }
        return null;
    }

    private static String fileOf(DMNMessage message, List<RuleFile> files, Map<String, RuleFile> byNamespace) {
        Object source = message instanceof DMNDTAnalysisMessage analysis
                ? analysis.getAnalysis().getSource()
                : message.getSourceReference();
        if (source instanceof DMNModelInstrumentedBase element) {
            Definitions definitions = definitionsOf(element);
            if (definitions != null && byNamespace.containsKey(definitions.getNamespace())) {
                return byNamespace.get(definitions.getNamespace()).path();
            }
        }
        if (files.size() == 1) {
            return files.get(0).path();
        }
        String id = message.getSourceId();
        if (id != null) {
            for (RuleFile file : files) {
                if (new String(file.content(), StandardCharsets.UTF_8).contains("id=\"" + id + "\"")) {
                    return file.path();
                }
            }
        }
        return "(DMN models)";
    }

    /** The distinct records of the MC/DC blocks the analysis selected, each a case. */
    private static List<DmnCase> mcdc(DTAnalysis analysis, List<RuleFile> files, Map<String, RuleFile> byNamespace) {
        List<MCDCAnalyser.PosNegBlock> blocks;
        try {
            blocks = analysis.getMCDCSelectedBlocks();
        } catch (RuntimeException e) {
            // no MC/DC selection for this table (the analysis computes none where rules overlap or it failed)
            return List.of();
        }
        if (blocks == null || blocks.isEmpty()) {
            return List.of();
        }
        DecisionTable table = analysis.getSource();
        String decision = decisionOf(table);
        Definitions definitions = definitionsOf(table);
        RuleFile file = definitions == null ? null : byNamespace.get(definitions.getNamespace());
        String path = file == null ? (files.size() == 1 ? files.get(0).path() : "(DMN models)") : file.path();
        String model = definitions == null ? null : definitions.getName();
        List<String> inputs = table.getInput().stream()
                .map(i -> i.getInputExpression() == null
                        ? ""
                        : i.getInputExpression().getText().strip())
                .toList();
        List<String> outputs = new ArrayList<>();
        for (var output : table.getOutput()) {
            outputs.add(output.getName() != null && !output.getName().isBlank() ? output.getName() : decision);
        }
        Set<MCDCAnalyser.Record> records = new LinkedHashSet<>();
        for (MCDCAnalyser.PosNegBlock block : blocks) {
            records.add(block.posRecord);
            records.addAll(block.negRecords);
        }
        List<DmnCase> cases = new ArrayList<>();
        for (MCDCAnalyser.Record record : records) {
            Map<String, Object> given = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size() && i < record.enums.length; i++) {
                given.put(inputs.get(i), DmnModels.plain(record.enums[i]));
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size() && i < record.output.size(); i++) {
                expected.put(outputs.get(i), DmnModels.plain(record.output.get(i)));
            }
            cases.add(new DmnCase(
                    path, model, decision, DmnModels.tableKey(table, decision), record.ruleIdx + 1, given, expected));
        }
        return cases;
    }
}
