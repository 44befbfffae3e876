package org.safereg.rulesets;

import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetCompilationException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/** What a reviewer reads before approving a version: its example results, its diff, the DRL of its tables. */
class VersionReview {

    private final VersionHistory history;
    private final RuleEngine engine;
    private final RuleSetCompiles compiles;
    private final Examples examples;

    VersionReview(VersionHistory history, RuleEngine engine, RuleSetCompiles compiles, Examples examples) {
        this.history = history;
        this.engine = engine;
        this.compiles = compiles;
        this.examples = examples;
    }

    record ExampleResults(String version, long passed, long failed, List<ExampleCase> cases) {}

    /** How a version decides its example cases: as stored at upload, or decided now for an older version. */
    ExampleResults examples(String version) {
        VersionRow row = history.row(version);
        List<ExampleCase> cases = history.findings(row).examples();
        if (cases == null) {
            if (RuleSetState.valueOf(row.state()) == RuleSetState.REJECTED) {
                cases = List.of();
            } else {
                List<RuleFile> files = history.ruleFiles(version);
                cases = examples.run(files, compiles.compile(files)).cases();
            }
        }
        Examples.Summary summary = Examples.summary(cases);
        return new ExampleResults(version, summary.passed(), summary.failed(), cases);
    }

    /** What changed from {@code against} (the active version when null) to {@code version}, row by row. */
    RuleSetDiff.View diff(String version, String against) {
        String other = history.orActive(against);
        history.row(version);
        history.row(other);
        return RuleSetDiff.between(version, history.filesWithContent(version), other, history.filesWithContent(other));
    }

    /** The DRL the spreadsheet compiler generates from one workbook of a version, for review. */
    String generatedDrl(String version, String path) {
        FileRow file = history.file(version, path);
        RuleFile workbook = new RuleFile(file.path(), file.content());
        if (!workbook.isDecisionTable()) {
            throw new NotFoundException(Text.of(
                    "rule-sets.not-a-workbook",
                    "{0} is a DRL file, not a decision table: download it as it is.",
                    path));
        }
        try {
            return engine.generatedDrl(workbook);
        } catch (RuleSetCompilationException e) {
            throw new RuleSetRejectedException(
                    version, e.problems().stream().map(ProblemView::of).toList());
        }
    }
}
