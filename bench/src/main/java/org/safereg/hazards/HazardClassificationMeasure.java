package org.safereg.hazards;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetSources;

/**
 * Classifies the labelled hazard descriptions with a rule set's hazard-types.xlsx and prints precision and
 * recall per type and overall, and every description it gets wrong. Run by scripts/measure-hazard-types.sh:
 * arguments are the rule-set folder (default: the repository root, the shipped rules) and a labelled CSV
 * (default: the set shipped with the tests).
 */
public final class HazardClassificationMeasure {

    private HazardClassificationMeasure() {}

    public static void main(String[] args) {
        Path rulesFolder =
                Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<LabelledDescriptions.Labelled> labelled =
                args.length > 1 ? LabelledDescriptions.read(Path.of(args[1])) : LabelledDescriptions.shipped();
        RuleSetSnapshot rules = new RuleEngine(Clock.systemUTC()).compile(RuleSetSources.load(rulesFolder));
        long started = System.nanoTime();
        LabelledDescriptions.Measurement measured = LabelledDescriptions.measure(rules, labelled);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Rule set " + rules.version().shortHash() + " from " + rulesFolder + ", hazard types "
                + "classified in " + millis + " ms (segmentation and one evaluation)");
        System.out.println();
        System.out.print(measured.report());
    }
}
