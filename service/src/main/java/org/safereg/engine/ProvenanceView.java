package org.safereg.engine;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A decision's provenance as the API shows it, for every kind of decision alike: the rule-set version and each
 * rule that fired with where a policy officer finds it (workbook, sheet, rule table and row, or DRL file).
 */
public record ProvenanceView(String ruleSetVersion, List<Rule> rules) {

    public ProvenanceView {
        rules = List.copyOf(rules);
    }

    /** The rule that decided, where one rule decides (an alarm's level, a notification), or null. */
    public Rule decidingRule() {
        return rules.isEmpty() ? null : rules.get(0);
    }

    /**
     * A rule that fired and where it is written. For a DMN model's rule, {@code sheet} is the decision, {@code table}
     * the decision table, {@code row} the rule number and {@code text} the rule's annotation.
     */
    @Schema(name = "ProvenanceViewRule")
    public record Rule(
            String rule,
            String file,
            String sheet,
            String table,
            Integer row,
            @Schema(description = "the annotation of a DMN decision-table rule; absent for workbook and DRL rules")
                    String text) {

        public Rule(String rule, String file, String sheet, String table, Integer row) {
            this(rule, file, sheet, table, row, null);
        }

        public static Rule of(RuleRow row) {
            return new Rule(row.ruleName(), row.file(), row.sheet(), row.ruleTable(), row.sheetRow(), row.text());
        }
    }
}
