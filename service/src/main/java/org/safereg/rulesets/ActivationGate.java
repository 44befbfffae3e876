package org.safereg.rulesets;

import java.util.List;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.ConflictException;
import org.safereg.system.Text;

/**
 * Whether a version may go in force now: never a rejected or the active one; a first activation only when
 * approved (with four eyes on) and when it still passes its examples. A rollback, to a version in force
 * before, needs neither.
 */
class ActivationGate {

    private final VersionHistory history;
    private final RuleSetMapper mapper;
    private final RuleSetCompiles compiles;
    private final Examples examples;
    private final boolean fourEyes;

    ActivationGate(
            VersionHistory history,
            RuleSetMapper mapper,
            RuleSetCompiles compiles,
            Examples examples,
            boolean fourEyes) {
        this.history = history;
        this.mapper = mapper;
        this.compiles = compiles;
        this.examples = examples;
        this.fourEyes = fourEyes;
    }

    /** A version cleared to go in force, compiled. */
    record Cleared(RuleSetSnapshot snapshot, boolean rollback) {}

    /** @throws ConflictException with the reason when {@code version} may not go in force */
    Cleared clear(String version) {
        VersionRow row = history.row(version);
        RuleSetState state = RuleSetState.valueOf(row.state());
        if (state == RuleSetState.REJECTED) {
            throw new ConflictException(Text.of(
                    "rule-sets.rejected-never-active",
                    "Rule set {0} was rejected (it did not compile or failed its checks) and can never become active.",
                    version));
        }
        if (version.equals(mapper.activeVersion())) {
            throw new ConflictException(
                    Text.of("rule-sets.already-active", "Rule set {0} is already active.", version));
        }
        boolean rollback = mapper.wasActive(version);
        if (fourEyes && !rollback && state != RuleSetState.APPROVED) {
            throw new ConflictException(Text.of(
                    "rule-sets.needs-approval",
                    "Rule set {0} needs the approval of a second policy admin before it can be activated (four eyes).",
                    version));
        }
        List<RuleFile> files = history.ruleFiles(version);
        RuleSetSnapshot snapshot = compiles.compileStored(version, files);
        if (!rollback) {
            // run again rather than trusted from the upload: the regression cases may have grown since
            passesExamples(version, files, snapshot);
        }
        return new Cleared(snapshot, rollback);
    }

    private void passesExamples(String version, List<RuleFile> files, RuleSetSnapshot snapshot) {
        Examples.Run run = examples.run(files, snapshot);
        List<ExampleCase> failing =
                run.cases().stream().filter(c -> !c.passed()).toList();
        if (!failing.isEmpty() || !run.problems().isEmpty()) {
            throw new ConflictException(Text.of(
                    "rule-sets.fails-examples",
                    "Rule set {0} fails {1} of its examples and cannot be activated: {2}{3}.",
                    version,
                    failing.size() + run.problems().size(),
                    failing.stream()
                            .limit(5)
                            .map(c -> c.label() + ": " + c.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(
                                    run.problems().isEmpty()
                                            ? ""
                                            : run.problems().get(0).location()),
                    failing.size() > 5 ? "; …" : ""));
        }
    }
}
