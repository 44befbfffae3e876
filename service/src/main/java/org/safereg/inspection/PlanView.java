package org.safereg.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleRow;

/** A stored plan as the dispatch system reads it. */
record PlanView(
        long id,
        String region,
        Period period,
        long seed,
        String state,
        String ruleSetVersion,
        String digest,
        String factsDigest,
        Counts counts,
        List<String> warnings,
        String createdBy,
        Instant createdAt,
        String acceptedBy,
        Instant acceptedAt,
        List<Item> mandatory,
        List<Item> random) {

    @Schema(name = "PlanViewPeriod")
    record Period(String kind, LocalDate start, LocalDate end) {}

    record Counts(int mandatory, int random, int total) {}

    record Item(
            int seq,
            Enterprise enterprise,
            String kind,
            LocalDate dueFrom,
            LocalDate dueTo,
            int priority,
            Assignee inspector,
            Reasons reasons,
            Focus focus) {}

    record Enterprise(String code, String name, String region, String sector) {}

    record Assignee(String id, String name) {}

    /**
     * Why the enterprise is in the plan: its tier and risk, how it is supervised, and the rows of
     * inspection-frequency.xlsx that decided it (with sheet and row) in the rule-set version of the plan.
     */
    record Reasons(
            String creditTier,
            String riskLevel,
            String supervision,
            String note,
            List<RuleRow> rules,
            String ruleSetVersion,
            ProvenanceView provenance) {

        /** The provenance of items decided by {@code rules}: built once per set of rules a plan's items share. */
        static ProvenanceView provenanceOf(String ruleSetVersion, List<RuleRow> rules) {
            return new ProvenanceView(
                    ruleSetVersion, rules.stream().map(ProvenanceView.Rule::of).toList());
        }
    }

    @Schema(name = "PlanViewSummary")
    record Summary(
            long id,
            String region,
            Period period,
            long seed,
            String state,
            String ruleSetVersion,
            String digest,
            Counts counts,
            String createdBy,
            Instant createdAt,
            Instant acceptedAt) {}
}
