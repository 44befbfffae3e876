package org.safereg.inspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a stored plan did with the differentiated policy: its inspections by tier and risk level beside a
 * uniform plan of the same size over the population it was drawn from, and each inspector's workload.
 */
class PlanStatisticsReport {

    private final InspectionPlanMapper mapper;
    private final PlanViews views;
    private final PlanJson json;

    PlanStatisticsReport(InspectionPlanMapper mapper, PlanViews views, PlanJson json) {
        this.mapper = mapper;
        this.views = views;
        this.json = json;
    }

    PlanStatistics of(long id) {
        PlanRow plan = views.find(id);
        List<ItemRow> items = mapper.itemsOf(id);
        Map<String, Map<String, Integer>> population = json.population(plan.population());
        Map<String, Integer> tier = new TreeMap<>();
        Map<String, Integer> risk = new TreeMap<>();
        Map<String, Integer> both = new TreeMap<>();
        Map<String, Integer> workload = new HashMap<>();
        int unassigned = 0;
        for (ItemRow item : items) {
            tier.merge(item.creditTier(), 1, Integer::sum);
            risk.merge(item.riskLevel(), 1, Integer::sum);
            both.merge(item.creditTier() + "/" + item.riskLevel(), 1, Integer::sum);
            if (item.inspectorId() == null) {
                unassigned++;
            } else {
                workload.merge(item.inspectorId(), 1, Integer::sum);
            }
        }
        int inScope = population.getOrDefault("tier", Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        // the inspectors as the request listed them, those given nothing included
        PlanRequest inputs = json.read(plan.inputs(), PlanRequest.class);
        List<PlanStatistics.Workload> loads = inputs.inspectors().stream()
                .map(i -> new PlanStatistics.Workload(
                        i.id(), i.name(), i.region(), i.capacity(), workload.getOrDefault(i.id().trim(), 0)))
                .toList();
        return new PlanStatistics(
                id,
                items.size(),
                inScope,
                groups(population.get("tier"), tier, items.size(), inScope),
                groups(population.get("risk"), risk, items.size(), inScope),
                groups(population.get("tierAndRisk"), both, items.size(), inScope),
                loads,
                unassigned);
    }

    private static List<PlanStatistics.Group> groups(
            Map<String, Integer> population, Map<String, Integer> planned, int size, int inScope) {
        Set<String> keys = new TreeSet<>(population == null ? Set.of() : population.keySet());
        keys.addAll(planned.keySet());
        List<PlanStatistics.Group> groups = new ArrayList<>();
        for (String key : keys) {
            int members = population == null ? 0 : population.getOrDefault(key, 0);
            int count = planned.getOrDefault(key, 0);
            double uniform = inScope == 0 ? 0 : Math.round(1000.0 * size * members / inScope) / 1000.0;
            Double ratio = uniform == 0 ? null : Math.round(1000.0 * count / uniform) / 1000.0;
            groups.add(new PlanStatistics.Group(key, members, count, uniform, ratio));
        }
        return groups;
    }
}
