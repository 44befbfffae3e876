package org.safereg.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What the differentiated policy did: inspections by credit tier, by risk level and by both, each beside
 * the population in scope and what a uniform plan of the same size (every enterprise equally likely)
 * would give it; and each inspector's workload.
 */
record PlanStatistics(
        long planId,
        int inspections,
        int enterprisesInScope,
        List<Group> byTier,
        List<Group> byRisk,
        List<Group> byTierAndRisk,
        List<Workload> workload,
        int unassigned) {

    /**
     * @param uniform inspections a uniform plan of the same size would give this group
     * @param ratio planned / uniform: above 1 the policy looks here more often than chance
     */
    @Schema(name = "PlanStatisticsGroup")
    record Group(String group, int population, int planned, double uniform, Double ratio) {}

    @Schema(name = "PlanStatisticsWorkload")
    record Workload(String inspector, String name, String region, int capacity, int assigned) {}
}
