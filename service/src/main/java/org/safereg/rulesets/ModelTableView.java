package org.safereg.rulesets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import org.safereg.engine.DmnTable;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;

/**
 * A DMN decision table of a version as the console shows it: its model, decision, hit policy, input and output
 * columns, each rule with its number, entries and annotation, and what the version's checks found on it.
 */
@Schema(name = "RuleSetModelTable")
record ModelTableView(
        String file,
        String model,
        String decision,
        String table,
        String hitPolicy,
        List<String> inputs,
        List<String> outputs,
        List<Rule> rules,
        List<ProblemView> problems,
        List<ProblemView> warnings) {

    @Schema(name = "RuleSetModelTableRule")
    record Rule(int number, List<String> inputEntries, List<String> outputEntries, String annotation) {}

    /** Every decision table of the version's DMN files, with the problems and warnings located on each. */
    static List<ModelTableView> of(List<RuleFile> files, Findings findings) {
        return files.stream()
                .filter(RuleFile::isDmn)
                .flatMap(f -> RuleEngine.modelTables(f).stream())
                .map(t -> of(t, findings))
                .toList();
    }

    private static ModelTableView of(DmnTable table, Findings findings) {
        return new ModelTableView(
                table.file(),
                table.model(),
                table.decision(),
                table.table(),
                table.hitPolicy(),
                table.inputs(),
                table.outputs(),
                table.rules().stream()
                        .map(r -> new Rule(r.number(), r.inputEntries(), r.outputEntries(), r.annotation()))
                        .toList(),
                on(table, findings.problems()),
                on(table, findings.warnings()));
    }

    private static List<ProblemView> on(DmnTable table, List<ProblemView> found) {
        return found.stream()
                .filter(p -> Objects.equals(p.file(), table.file()) && Objects.equals(p.sheet(), table.decision()))
                .toList();
    }
}
