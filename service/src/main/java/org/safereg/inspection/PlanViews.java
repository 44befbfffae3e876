package org.safereg.inspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.FiredRule;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleRow;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/**
 * Plans as the dispatch system reads them: a stored plan with its items, the list of plans, and a plan just
 * made, answered from memory. Each item's reasons name the rule rows that decided it, in the plan's version.
 */
class PlanViews {

    private final InspectionPlanMapper mapper;
    private final RuleCatalog catalog;
    private final PlanJson json;

    PlanViews(InspectionPlanMapper mapper, RuleCatalog catalog, PlanJson json) {
        this.mapper = mapper;
        this.catalog = catalog;
        this.json = json;
    }

    PlanRow find(long id) {
        PlanRow plan = mapper.findPlan(id);
        if (plan == null) {
            throw new NotFoundException(Text.of("inspection.unknown-plan", "There is no inspection plan {0}.", id));
        }
        return plan;
    }

    PlanView get(long id) {
        PlanRow plan = find(id);
        List<PlanView.Item> mandatory = new ArrayList<>();
        List<PlanView.Item> random = new ArrayList<>();
        // items share few sets of fired rules: each set is described once
        Map<String, List<RuleRow>> rules = new HashMap<>();
        Map<List<RuleRow>, ProvenanceView> provenances = new IdentityHashMap<>();
        for (ItemRow row : mapper.itemsOf(id)) {
            PlanView.Item item = item(row, plan.ruleSetVersion(), rules, provenances);
            (PlanItem.Kind.MANDATORY.name().equals(row.kind()) ? mandatory : random).add(item);
        }
        return new PlanView(
                plan.id(),
                plan.regionCode(),
                period(plan),
                plan.seed(),
                plan.state(),
                plan.ruleSetVersion(),
                plan.digest(),
                plan.factsDigest(),
                counts(plan),
                json.strings(plan.warnings()),
                plan.createdBy(),
                plan.createdAt(),
                plan.acceptedBy(),
                plan.acceptedAt(),
                mandatory,
                random);
    }

    List<PlanView.Summary> list(String region, String state, int limit) {
        return mapper.listPlans(region == null ? null : RegionCodes.prefix(region), state, limit).stream()
                .map(p -> new PlanView.Summary(
                        p.id(),
                        p.regionCode(),
                        period(p),
                        p.seed(),
                        p.state(),
                        p.ruleSetVersion(),
                        p.digest(),
                        counts(p),
                        p.createdBy(),
                        p.createdAt(),
                        p.acceptedAt()))
                .toList();
    }

    /** A plan just stored, from memory: reading 100,000 items back would cost as much as writing them. */
    PlanView proposed(long id, NewPlan plan, PlanDraft draft, Map<Long, Focus> focus) {
        Map<Frequency, List<RuleRow>> rules = new HashMap<>();
        Map<List<RuleRow>, ProvenanceView> provenances = new IdentityHashMap<>();
        List<PlanView.Item> mandatory = new ArrayList<>();
        List<PlanView.Item> random = new ArrayList<>();
        int seq = 0;
        for (PlanItem item : draft.items()) {
            PlanEnterprise enterprise = item.enterprise();
            List<RuleRow> fired = rules.computeIfAbsent(
                    item.frequency(),
                    f -> catalog.describe(
                            plan.getRuleSetVersion(),
                            f.rules().stream().map(FiredRule::ordinal).toList()));
            PlanView.Item view = new PlanView.Item(
                    ++seq,
                    new PlanView.Enterprise(
                            enterprise.creditCode(), enterprise.name(), enterprise.regionCode(), enterprise.sector()),
                    item.kind().name(),
                    item.dueFrom(),
                    item.dueTo(),
                    item.priority(),
                    item.inspector() == null
                            ? null
                            : new PlanView.Assignee(
                                    item.inspector().id(), item.inspector().name()),
                    new PlanView.Reasons(
                            enterprise.creditTier(),
                            enterprise.riskLevel(),
                            item.kind() == PlanItem.Kind.MANDATORY ? "KEY" : "RANDOM",
                            item.note(),
                            fired,
                            plan.getRuleSetVersion(),
                            provenances.computeIfAbsent(
                                    fired, f -> PlanView.Reasons.provenanceOf(plan.getRuleSetVersion(), f))),
                    focus.getOrDefault(enterprise.id(), PlanFocus.NONE));
            (item.kind() == PlanItem.Kind.MANDATORY ? mandatory : random).add(view);
        }
        return new PlanView(
                id,
                plan.getRegionCode(),
                new PlanView.Period(plan.getPeriodKind(), plan.getPeriodStart(), plan.getPeriodEnd()),
                plan.getSeed(),
                "PROPOSED",
                plan.getRuleSetVersion(),
                plan.getDigest(),
                plan.getFactsDigest(),
                new PlanView.Counts(mandatory.size(), random.size(), mandatory.size() + random.size()),
                draft.warnings(),
                plan.getCreatedBy(),
                plan.getCreatedAt(),
                null,
                null,
                mandatory,
                random);
    }

    private PlanView.Item item(
            ItemRow row,
            String version,
            Map<String, List<RuleRow>> rules,
            Map<List<RuleRow>, ProvenanceView> provenances) {
        List<RuleRow> fired =
                rules.computeIfAbsent(row.firedRules(), ordinals -> catalog.describe(version, json.ordinals(ordinals)));
        return new PlanView.Item(
                row.seq(),
                new PlanView.Enterprise(row.creditCode(), row.name(), row.regionCode(), row.sector()),
                row.kind(),
                row.dueFrom(),
                row.dueTo(),
                row.priority(),
                row.inspectorId() == null ? null : new PlanView.Assignee(row.inspectorId(), row.inspectorName()),
                new PlanView.Reasons(
                        row.creditTier(),
                        row.riskLevel(),
                        PlanItem.Kind.MANDATORY.name().equals(row.kind()) ? "KEY" : "RANDOM",
                        row.note(),
                        fired,
                        version,
                        provenances.computeIfAbsent(fired, f -> PlanView.Reasons.provenanceOf(version, f))),
                json.read(row.focus(), Focus.class));
    }

    private static PlanView.Period period(PlanRow plan) {
        return new PlanView.Period(plan.periodKind(), plan.periodStart(), plan.periodEnd());
    }

    private static PlanView.Counts counts(PlanRow plan) {
        return new PlanView.Counts(
                plan.mandatoryItems(), plan.randomItems(), plan.mandatoryItems() + plan.randomItems());
    }
}
