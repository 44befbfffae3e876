package org.safereg.engine;

import java.util.List;

/**
 * Turns the ordinals a decision stored into the rules they name, for any version ever recorded: how every
 * feature explains a stored decision without knowing where versions are kept.
 */
public interface RuleCatalog {

    /** The rules behind {@code ordinals} in {@code version}; an ordinal the version lacks is skipped. */
    List<RuleRow> describe(String version, List<Integer> ordinals);

    /** A stored decision's provenance, rendered as every decision's is. */
    default ProvenanceView explain(Provenance provenance) {
        List<ProvenanceView.Rule> rules = provenance.ruleSetVersion() == null
                ? List.of()
                : describe(provenance.ruleSetVersion(), provenance.ordinals()).stream()
                        .map(ProvenanceView.Rule::of)
                        .toList();
        return new ProvenanceView(provenance.ruleSetVersion(), rules);
    }
}
