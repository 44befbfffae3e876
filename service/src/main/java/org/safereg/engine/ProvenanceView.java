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

    /** A rule that fired and where it is written. */
    @Schema(name = "ProvenanceViewRule")
    public record Rule(String rule, String file, String sheet, String table, Integer row) {

        public static Rule of(RuleRow row) {
            return new Rule(row.ruleName(), row.file(), row.sheet(), row.ruleTable(), row.sheetRow());
        }
    }
}
