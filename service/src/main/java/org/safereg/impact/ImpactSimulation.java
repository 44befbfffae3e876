package org.safereg.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.safereg.credit.CreditSimulation;
import org.safereg.enforcement.EnforcementSimulation;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.inspection.InspectionWorkload;
import org.safereg.jobs.Progress;
import org.safereg.monitoring.AlarmSimulation;
import org.safereg.risk.RiskSimulation;
import org.safereg.system.ReadAhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What activating a candidate would do to real enterprises, without activating it: every enterprise's credit
 * and risk level and every point's latest reading decided on both versions from the facts as they are now,
 * by each feature's own evaluation, and the inspection workload the frequency table plans from them. Nothing
 * is decided for real; the last report of each pair of versions is kept (rule_set_impacts) for the console.
 * The stored enforcement decisions are decided again on both versions' discretion models (by the enforcement
 * feature, from the circumstances kept with each). It reports its progress a page at a time: every enterprise
 * twice (credit, risk), every point twice (its latest reading, its coverage) and every enforcement decision once.
 */
final class ImpactSimulation {

    private static final Logger log = LoggerFactory.getLogger(ImpactSimulation.class);

    /** The most enterprises or points a report lists by name; the counts always cover all of them. */
    static final int LISTED = 1_000;

    private static final List<String> TIERS = List.of("A", "B", "C", "D");
    private static final List<String> LEVELS = List.of("BLUE", "YELLOW", "ORANGE", "RED");
    private static final int PAGE = 5_000;

    record Report(
            String version,
            String against,
            Instant evaluatedAt,
            long millis,
            Changes credit,
            Changes risk,
            Workload inspection,
            Alarms alarms,
            Enforcement enforcement) {}

    record Changes(
            int enterprises,
            int changed,
            int up,
            int down,
            List<Group> groups,
            List<Change> changes,
            boolean truncated) {}

    @Schema(name = "ImpactSimulationGroup")
    record Group(String region, String regionName, String sector, int changed, int up, int down) {}

    /** {@code up} is a better tier or a lower risk; scores only for credit. */
    @Schema(name = "ImpactSimulationChange")
    record Change(
            String code,
            String name,
            String region,
            String regionName,
            String sector,
            String before,
            String after,
            Double scoreBefore,
            Double scoreAfter) {}

    @Schema(name = "ImpactSimulationWorkload")
    record Workload(
            double visitsBefore, double visitsAfter, List<TierWorkload> byTier, int gapsBefore, int gapsAfter) {}

    record TierWorkload(String tier, int enterprisesBefore, int enterprisesAfter, double before, double after) {}

    /**
     * @param uncoveredPoints registered points no threshold row of the candidate covers: they could never alarm
     * @param uncovered the first of them
     */
    record Alarms(
            int readings,
            int differently,
            int raised,
            int lowered,
            List<AlarmChange> changes,
            boolean truncated,
            int uncoveredPoints,
            List<AlarmSimulation.Uncovered> uncovered) {}

    @Schema(name = "ImpactSimulationAlarmChange")
    record AlarmChange(String point, String enterprise, String metric, double value, Integer before, Integer after) {}

    /**
     * The stored enforcement decisions decided again on both versions from their circumstances: how many change
     * at all, and how many change band, a fine range (legal or the band's, unit or persons), suspension or daily
     * fine eligibility; {@code undecidable} counts those one of the versions cannot decide (then the change names
     * the problem). Listed: the first changed ones.
     */
    @Schema(name = "ImpactSimulationEnforcement")
    record Enforcement(
            int decisions,
            int changed,
            int band,
            int fines,
            int suspension,
            int dailyFine,
            int undecidable,
            List<EnforcementChange> changes,
            boolean truncated) {}

    @Schema(name = "ImpactSimulationEnforcementChange")
    record EnforcementChange(
            long decision,
            String enterprise,
            String name,
            int article,
            Integer item,
            EnforcementSimulation.Measures before,
            EnforcementSimulation.Measures after,
            String problemBefore,
            String problemAfter) {}

    private final CreditSimulation credit;
    private final RiskSimulation risk;
    private final InspectionWorkload inspection;
    private final AlarmSimulation alarms;
    private final EnforcementSimulation enforcement;
    private final ImpactMapper mapper;
    private final Clock clock;
    private final ObjectMapper json;

    ImpactSimulation(
            CreditSimulation credit,
            RiskSimulation risk,
            InspectionWorkload inspection,
            AlarmSimulation alarms,
            EnforcementSimulation enforcement,
            ImpactMapper mapper,
            ObjectMapper json,
            Clock clock) {
        this.json = json;
        this.enforcement = enforcement;
        this.credit = credit;
        this.risk = risk;
        this.inspection = inspection;
        this.alarms = alarms;
        this.mapper = mapper;
        this.clock = clock;
    }

    Report simulate(
            String version, RuleSetSnapshot candidate, String against, RuleSetSnapshot current, Progress progress) {
        long started = System.nanoTime();
        progress.total(2L * mapper.countEnterprises() + 2L * mapper.countPoints() + enforcement.count());

        // alarms and enforcement read nothing that credit and risk decide: they run beside them, so that the
        // simulation's reads overlap and its waits on MySQL leave the cores to the rules
        ExecutorService beside = ReadAhead.reader("impact-alarms-enforcement");
        try {
            return simulate(version, candidate, against, current, progress, started, beside);
        } finally {
            beside.shutdownNow();
        }
    }

    /** What runs beside credit and risk, with the time it took. */
    private record Beside(
            List<AlarmSimulation.Outcome> alarms,
            List<AlarmSimulation.Uncovered> uncovered,
            List<EnforcementSimulation.Outcome> enforcement,
            long alarmsMillis,
            long enforcementMillis) {}

    private Report simulate(
            String version,
            RuleSetSnapshot candidate,
            String against,
            RuleSetSnapshot current,
            Progress progress,
            long started,
            ExecutorService beside) {
        // who and where each enterprise is, needed only to count the changes by region and sector
        CompletableFuture<Map<Long, ImpactEnterprise>> who = CompletableFuture.supplyAsync(this::enterprises, beside);
        CompletableFuture<Beside> alongside = CompletableFuture.supplyAsync(
                () -> {
                    long at = System.nanoTime();
                    List<AlarmSimulation.Outcome> alarmOutcomes = alarms.simulate(current, candidate, progress);
                    List<AlarmSimulation.Uncovered> uncovered = alarms.uncovered(candidate, progress);
                    long alarmsDone = System.nanoTime();
                    List<EnforcementSimulation.Outcome> decisions = enforcement.simulate(current, candidate, progress);
                    return new Beside(
                            alarmOutcomes,
                            uncovered,
                            decisions,
                            millis(at, alarmsDone),
                            millis(alarmsDone, System.nanoTime()));
                },
                beside);
        long creditStarted = System.nanoTime();
        List<CreditSimulation.Outcome> credits = credit.simulate(current, candidate, progress);
        long creditDone = System.nanoTime();
        Map<Long, ImpactEnterprise> enterprises = ReadAhead.joined(who);
        Map<Long, String> tiersBefore = new HashMap<>();
        Map<Long, String> tiersAfter = new HashMap<>();
        for (CreditSimulation.Outcome outcome : credits) {
            tiersBefore.put(outcome.enterpriseId(), outcome.tierBefore());
            tiersAfter.put(outcome.enterpriseId(), outcome.tierAfter());
        }
        Changes creditChanges = changes(
                credits,
                CreditSimulation.Outcome::enterpriseId,
                CreditSimulation.Outcome::tierBefore,
                CreditSimulation.Outcome::tierAfter,
                CreditSimulation.Outcome::scoreBefore,
                CreditSimulation.Outcome::scoreAfter,
                TIERS,
                enterprises);

        // risk reads the tier: the candidate's risk goes with the candidate's tiers
        Map<Long, String> changedTiers = new HashMap<>();
        credits.stream()
                .filter(CreditSimulation.Outcome::changed)
                .forEach(o -> changedTiers.put(o.enterpriseId(), o.tierAfter()));
        List<RiskSimulation.Outcome> risks = risk.simulate(current, candidate, changedTiers, progress);
        long riskDone = System.nanoTime();
        Map<Long, String> levelsBefore = new HashMap<>();
        Map<Long, String> levelsAfter = new HashMap<>();
        for (RiskSimulation.Outcome outcome : risks) {
            levelsBefore.put(outcome.enterpriseId(), outcome.levelBefore());
            levelsAfter.put(outcome.enterpriseId(), outcome.levelAfter());
        }
        // for risk a higher colour is worse: up means a lower level, as for credit a better tier
        Changes riskChanges = changes(
                risks,
                RiskSimulation.Outcome::enterpriseId,
                RiskSimulation.Outcome::levelBefore,
                RiskSimulation.Outcome::levelAfter,
                o -> null,
                o -> null,
                LEVELS,
                enterprises);

        Workload workload =
                workload(current, candidate, enterprises, tiersBefore, tiersAfter, levelsBefore, levelsAfter);
        long workloadDone = System.nanoTime();
        Beside other = ReadAhead.joined(alongside);
        Alarms alarmChanges = alarms(other.alarms(), other.uncovered());

        Report report = new Report(
                version,
                against,
                Instant.now(clock),
                (System.nanoTime() - started) / 1_000_000,
                creditChanges,
                riskChanges,
                workload,
                alarmChanges,
                enforcement(other.enforcement(), enterprises));
        log.info(
                "Impact of {} against {}: {} ms for {} enterprises (credit {} ms, risk {} ms, inspection workload {}"
                        + " ms; beside them alarms {} ms and enforcement {} ms)",
                version,
                against,
                report.millis(),
                enterprises.size(),
                millis(creditStarted, creditDone),
                millis(creditDone, riskDone),
                millis(riskDone, workloadDone),
                other.alarmsMillis(),
                other.enforcementMillis());
        try {
            mapper.saveImpact(version, against, report.evaluatedAt(), json.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("impact report not writable as JSON", e);
        }
        return report;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Enforcement enforcement(
            List<EnforcementSimulation.Outcome> outcomes, Map<Long, ImpactEnterprise> enterprises) {
        List<EnforcementChange> listed = new ArrayList<>();
        int changed = 0;
        int band = 0;
        int fines = 0;
        int suspension = 0;
        int dailyFine = 0;
        int undecidable = 0;
        for (EnforcementSimulation.Outcome outcome : outcomes) {
            if (outcome.before() == null || outcome.after() == null) {
                undecidable++;
            }
            if (!outcome.changed()) {
                continue;
            }
            changed++;
            band += outcome.bandChanged() ? 1 : 0;
            fines += outcome.finesChanged() ? 1 : 0;
            suspension += outcome.suspensionChanged() ? 1 : 0;
            dailyFine += outcome.dailyFineChanged() ? 1 : 0;
            if (listed.size() < LISTED) {
                ImpactEnterprise enterprise = enterprises.get(outcome.enterpriseId());
                listed.add(new EnforcementChange(
                        outcome.decisionId(),
                        outcome.creditCode(),
                        enterprise == null ? null : enterprise.name(),
                        outcome.article(),
                        outcome.item(),
                        outcome.before(),
                        outcome.after(),
                        outcome.problemBefore(),
                        outcome.problemAfter()));
            }
        }
        return new Enforcement(
                outcomes.size(),
                changed,
                band,
                fines,
                suspension,
                dailyFine,
                undecidable,
                listed,
                changed > listed.size());
    }

    /** The last report of this pair, whichever instance simulated it; null when none. */
    Report last(String version, String against) {
        String stored = mapper.impact(version, against);
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable impact report of " + version, e);
        }
    }

    private Map<Long, ImpactEnterprise> enterprises() {
        Map<Long, ImpactEnterprise> all = new HashMap<>();
        long afterId = 0;
        while (true) {
            List<ImpactEnterprise> page = mapper.enterprisesAfter(afterId, PAGE);
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(e -> all.put(e.id(), e));
            afterId = page.get(page.size() - 1).id();
        }
    }

    private static <T> Changes changes(
            List<T> outcomes,
            Function<T, Long> id,
            Function<T, String> before,
            Function<T, String> after,
            Function<T, Double> scoreBefore,
            Function<T, Double> scoreAfter,
            List<String> bestFirst,
            Map<Long, ImpactEnterprise> enterprises) {
        Map<String, GroupCount> groups = new TreeMap<>();
        List<Change> listed = new ArrayList<>();
        int changed = 0;
        int up = 0;
        int down = 0;
        for (T outcome : outcomes) {
            String was = before.apply(outcome);
            String will = after.apply(outcome);
            if (was == null ? will == null : was.equals(will)) {
                continue;
            }
            changed++;
            int direction = Integer.compare(rank(bestFirst, was), rank(bestFirst, will));
            if (direction > 0) {
                up++;
            } else if (direction < 0) {
                down++;
            }
            ImpactEnterprise enterprise = enterprises.get(id.apply(outcome));
            String region = enterprise == null ? "" : enterprise.regionCode();
            String sector = enterprise == null ? "" : enterprise.sector();
            GroupCount group = groups.computeIfAbsent(
                    region + "\u0000" + sector,
                    k -> new GroupCount(region, enterprise == null ? null : enterprise.regionName(), sector));
            group.changed++;
            group.up += direction > 0 ? 1 : 0;
            group.down += direction < 0 ? 1 : 0;
            if (listed.size() < LISTED) {
                listed.add(new Change(
                        enterprise == null ? null : enterprise.creditCode(),
                        enterprise == null ? null : enterprise.name(),
                        region,
                        enterprise == null ? null : enterprise.regionName(),
                        sector,
                        was,
                        will,
                        scoreBefore.apply(outcome),
                        scoreAfter.apply(outcome)));
            }
        }
        List<Group> groupList = new ArrayList<>();
        groups.values()
                .forEach(g -> groupList.add(new Group(g.region, g.regionName, g.sector, g.changed, g.up, g.down)));
        groupList.sort(Comparator.comparingInt(Group::changed).reversed());
        return new Changes(outcomes.size(), changed, up, down, groupList, listed, changed > listed.size());
    }

    private static final class GroupCount {
        final String region;
        final String regionName;
        final String sector;
        int changed;
        int up;
        int down;

        GroupCount(String region, String regionName, String sector) {
            this.region = region;
            this.regionName = regionName;
            this.sector = sector;
        }
    }

    /** Position in best-first order; a missing value (not decided) ranks after all. */
    private static int rank(List<String> bestFirst, String value) {
        int index = value == null ? -1 : bestFirst.indexOf(value);
        return index < 0 ? bestFirst.size() : index;
    }

    private Workload workload(
            RuleSetSnapshot current,
            RuleSetSnapshot candidate,
            Map<Long, ImpactEnterprise> enterprises,
            Map<Long, String> tiersBefore,
            Map<Long, String> tiersAfter,
            Map<Long, String> levelsBefore,
            Map<Long, String> levelsAfter) {
        Map<InspectionWorkload.Profile, Integer> before = new HashMap<>();
        Map<InspectionWorkload.Profile, Integer> after = new HashMap<>();
        for (ImpactEnterprise e : enterprises.values()) {
            before.merge(profile(e, tiersBefore.get(e.id()), levelsBefore.get(e.id())), 1, Integer::sum);
            after.merge(profile(e, tiersAfter.get(e.id()), levelsAfter.get(e.id())), 1, Integer::sum);
        }
        Map<InspectionWorkload.Profile, Double> perYearBefore = inspection.perYear(current, before.keySet());
        Map<InspectionWorkload.Profile, Double> perYearAfter = inspection.perYear(candidate, after.keySet());
        Map<String, TierTotals> byTier = new TreeMap<>();
        Totals totalBefore = new Totals();
        Totals totalAfter = new Totals();
        before.forEach((profile, count) -> {
            Double visits = perYearBefore.get(profile);
            TierTotals tier = byTier.computeIfAbsent(profile.creditTier(), k -> new TierTotals());
            tier.before.add(count, visits);
            totalBefore.add(count, visits);
        });
        after.forEach((profile, count) -> {
            Double visits = perYearAfter.get(profile);
            TierTotals tier = byTier.computeIfAbsent(profile.creditTier(), k -> new TierTotals());
            tier.after.add(count, visits);
            totalAfter.add(count, visits);
        });
        List<TierWorkload> tiers = new ArrayList<>();
        byTier.forEach((tier, totals) -> tiers.add(new TierWorkload(
                tier,
                totals.before.enterprises,
                totals.after.enterprises,
                round(totals.before.visits),
                round(totals.after.visits))));
        return new Workload(
                round(totalBefore.visits), round(totalAfter.visits), tiers, totalBefore.gaps, totalAfter.gaps);
    }

    /** Enterprises, their inspections a year, and those the table cannot plan (a gap). */
    private static final class Totals {
        int enterprises;
        double visits;
        int gaps;

        void add(int count, Double perYear) {
            enterprises += count;
            if (perYear == null) {
                gaps += count;
            } else {
                visits += perYear * count;
            }
        }
    }

    private static final class TierTotals {
        final Totals before = new Totals();
        final Totals after = new Totals();
    }

    private static InspectionWorkload.Profile profile(ImpactEnterprise e, String tier, String level) {
        return new InspectionWorkload.Profile(
                e.sector(), tier == null ? "UNRATED" : tier, e.grade(), level == null ? "NOT_ASSESSED" : level);
    }

    private static Alarms alarms(List<AlarmSimulation.Outcome> outcomes, List<AlarmSimulation.Uncovered> uncovered) {
        List<AlarmChange> listed = new ArrayList<>();
        int differently = 0;
        int raised = 0;
        int lowered = 0;
        for (AlarmSimulation.Outcome outcome : outcomes) {
            if (!outcome.changed()) {
                continue;
            }
            differently++;
            int was = outcome.levelBefore() == null ? -1 : outcome.levelBefore();
            int will = outcome.levelAfter() == null ? -1 : outcome.levelAfter();
            if (will > was) {
                raised++;
            } else {
                lowered++;
            }
            if (listed.size() < LISTED) {
                listed.add(new AlarmChange(
                        outcome.point(),
                        outcome.creditCode(),
                        outcome.metric(),
                        outcome.value(),
                        outcome.levelBefore(),
                        outcome.levelAfter()));
            }
        }
        return new Alarms(
                outcomes.size(),
                differently,
                raised,
                lowered,
                listed,
                differently > listed.size(),
                uncovered.size(),
                uncovered.subList(0, Math.min(uncovered.size(), LISTED)));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
