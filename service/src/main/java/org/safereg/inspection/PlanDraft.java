package org.safereg.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * What the planner made of one request, before it is stored.
 *
 * @param items mandatory items first, then drawn ones, in the plan's order
 * @param uncovered mandatory items no inspector can take, each with why: the plan cannot be used
 * @param warnings what the plan could not do but is still usable for (random share short, draws unassigned)
 * @param population enterprises in scope by tier, by risk level and by tier/risk, for the uniform comparison
 */
record PlanDraft(
        List<PlanItem> items,
        List<Uncovered> uncovered,
        List<String> warnings,
        Map<String, Map<String, Integer>> population,
        String factsDigest) {

    @Schema(name = "PlanDraftUncovered")
    record Uncovered(PlanItem item, String reason) {}

    long mandatory() {
        return items.stream().filter(i -> i.kind() == PlanItem.Kind.MANDATORY).count();
    }

    long random() {
        return items.size() - mandatory();
    }
}
