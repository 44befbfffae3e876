package org.safereg.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.stereotype.Component;

/**
 * What an enterprise can do about its credit, decided by the rules in force: its facts today are decided as a
 * credit run decides them, then changed in memory, one fact at a time and in combinations, and decided again on
 * the same snapshot, so that what is suggested is what those rules answer, not a copy of their numbers. Nothing
 * is written.
 *
 * <p>The facts an enterprise can change are its levers: major hazards rectified on time, violations inside the
 * window (fewer as old ones leave it), staff trained, drills completed, a valid licence. Each lever is tried
 * alone at every step up to its best value, to find the steps at which the rules answer differently; the
 * combinations of those steps are then tried from the smallest, and a combination is kept when it lifts the tier
 * and no smaller kept combination is part of it.
 */
@Component
public class CreditAdvice {

    /** At most this many combinations are decided for one enterprise. */
    static final int MAX_EVALUATIONS = 4_000;
    /** At most this many minimal changes are returned. */
    static final int MAX_IMPROVEMENTS = 5;
    /** How far ahead the rules are asked when a veto of accidents lapses. */
    static final int LAPSE_MONTHS = 60;

    /** One indicator as decided, with the band row that awarded its points and what its best value would gain. */
    public record Indicator(
            String indicator,
            Double value,
            Double points,
            Double weightPercent,
            FiredRule awardedBy,
            double gainAtBest) {}

    /**
     * One fact changed: {@code before} and {@code after} as counts ({@code 1/2}: one of two) or a status; the
     * indicator's value before and after.
     */
    public record Change(
            String indicator, String fact, String before, String after, double valueBefore, double valueAfter) {}

    /** Changes that together lift the tier, and the score and tier the rules then give. */
    public record Improvement(List<Change> changes, double score, String tier) {}

    /**
     * The enterprise's credit decided now on the version in force, and what would lift it.
     *
     * @param costliest the indicator whose best value would gain the most points, or null when none would
     * @param improvements the smallest sets of changes that lift the tier (none for tier A, or when none can)
     * @param liftable whether any change of the levers lifts the tier at all
     * @param vetoLapsesOn when the tier could first be lifted because a veto over past accidents has run out
     *     (with every lever at its best), or null
     * @param evaluations how many times the rules were asked
     */
    public record Advice(
            long enterpriseId,
            String creditCode,
            String ruleSetVersion,
            LocalDate asOf,
            double score,
            String tier,
            String scoreTier,
            List<Indicator> indicators,
            List<CreditAssessment.Veto> vetoes,
            List<FiredRule> firedRules,
            CreditFacts facts,
            String costliest,
            List<Improvement> improvements,
            boolean liftable,
            LocalDate vetoLapsesOn,
            int evaluations) {}

    private final CreditMapper mapper;
    private final CreditPages pages;
    private final RuleEngine engine;
    private final CreditProperties properties;
    private final Clock clock;

    CreditAdvice(CreditMapper mapper, CreditPages pages, RuleEngine engine, CreditProperties properties, Clock clock) {
        this.mapper = mapper;
        this.pages = pages;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @return empty when no enterprise has this credit code
     * @throws IllegalStateException when the rules in force cannot decide this enterprise
     */
    public Optional<Advice> advise(String creditCode) {
        Long id = mapper.enterpriseIdOf(creditCode);
        if (id == null) {
            return Optional.empty();
        }
        CreditWindow window = CreditWindow.now(clock, properties);
        CreditPage page = pages.of(List.of(id), window);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    advise(engine.active(), page.rows().get(0).toFacts(window.asOf()), page.accidentsOf(id), window));
        } catch (CreditModelException e) {
            throw new IllegalStateException(
                    "the credit rules in force cannot decide " + creditCode + ": " + e.getMessage(), e);
        }
    }

    static Advice advise(RuleSetSnapshot rules, CreditFacts facts, List<Accident> accidents, CreditWindow window) {
        Search search = new Search(rules, accidents, window);
        CreditAssessor.Explained base = CreditAssessor.assessExplained(rules, facts, accidents, window.now());
        search.evaluations++;
        CreditAssessment now = base.assessment();

        List<Lever> levers = levers(facts);
        List<List<Step>> useful = new ArrayList<>();
        Map<String, Double> gainAtBest = new HashMap<>();
        for (Lever lever : levers) {
            List<Step> kept = new ArrayList<>();
            double bestScore = now.score();
            double keptScore = now.score();
            String keptTier = now.tier();
            for (Step step : lever.steps()) {
                CreditAssessment a = search.decide(step.apply().apply(facts), 0);
                if (a == null) {
                    continue;
                }
                bestScore = Math.max(bestScore, a.score());
                if (a.score() > keptScore || better(a.tier(), keptTier)) {
                    kept.add(step);
                    keptScore = a.score();
                    keptTier = a.tier();
                }
            }
            useful.add(kept);
            gainAtBest.merge(lever.indicator(), bestScore - now.score(), Math::max);
        }

        List<Improvement> improvements = "A".equals(now.tier()) ? List.of() : search.minimal(facts, now, useful);
        boolean liftable = !improvements.isEmpty();
        LocalDate lapse = null;
        if (!liftable && !now.vetoes().isEmpty() && !accidents.isEmpty()) {
            lapse = search.lapse(best(facts, useful), now.tier());
        }

        List<Indicator> indicators = now.indicators().stream()
                .map(p -> new Indicator(
                        p.indicator(),
                        p.value(),
                        p.points(),
                        p.weightPercent(),
                        base.awardedBy().get(p.indicator()),
                        round(gainAtBest.getOrDefault(p.indicator(), 0.0))))
                .toList();
        String costliest = indicators.stream()
                .filter(i -> i.gainAtBest() > 0)
                .max(Comparator.comparingDouble(Indicator::gainAtBest))
                .map(Indicator::indicator)
                .orElse(null);
        return new Advice(
                facts.enterpriseId(),
                facts.creditCode(),
                now.ruleSetVersion(),
                window.asOf(),
                now.score(),
                now.tier(),
                now.scoreTier(),
                indicators,
                now.vetoes(),
                now.firedRules(),
                facts,
                costliest,
                improvements,
                liftable,
                lapse,
                search.evaluations);
    }

    /** Every lever at its last useful step. */
    private static CreditFacts best(CreditFacts facts, List<List<Step>> useful) {
        CreditFacts f = facts;
        for (List<Step> steps : useful) {
            if (!steps.isEmpty()) {
                f = steps.get(steps.size() - 1).apply().apply(f);
            }
        }
        return f;
    }

    /** A better tier: A before B before C before D. */
    static boolean better(String tier, String than) {
        return tier != null && than != null && tier.compareTo(than) < 0;
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    // --- the search ---

    private static final class Search {

        private final RuleSetSnapshot rules;
        private final List<Accident> accidents;
        private final CreditWindow window;
        int evaluations;

        Search(RuleSetSnapshot rules, List<Accident> accidents, CreditWindow window) {
            this.rules = rules;
            this.accidents = accidents;
            this.window = window;
        }

        /** The rules' answer on these facts, with the accidents {@code monthsLater} months older; null if none. */
        CreditAssessment decide(CreditFacts facts, int monthsLater) {
            evaluations++;
            List<Accident> aged = monthsLater == 0
                    ? accidents
                    : accidents.stream()
                            .map(a -> new Accident(
                                    a.enterpriseId(),
                                    a.grade(),
                                    a.monthsAgo() + monthsLater,
                                    a.deaths(),
                                    a.concealed()))
                            .toList();
            try {
                return CreditAssessor.assess(rules, facts, aged, window.now());
            } catch (CreditModelException e) {
                return null;
            }
        }

        /** Combinations of useful steps, smallest first; kept when they lift and contain no kept one. */
        List<Improvement> minimal(CreditFacts facts, CreditAssessment now, List<List<Step>> useful) {
            List<int[]> combinations = new ArrayList<>();
            collect(useful, 0, new int[useful.size()], combinations);
            combinations.sort(Comparator.<int[]>comparingInt(Search::changed).thenComparingInt(Search::effort));
            List<int[]> lifting = new ArrayList<>();
            List<Improvement> found = new ArrayList<>();
            for (int[] combination : combinations) {
                if (found.size() >= MAX_IMPROVEMENTS || evaluations >= MAX_EVALUATIONS) {
                    break;
                }
                if (changed(combination) == 0 || lifting.stream().anyMatch(l -> contains(combination, l))) {
                    continue;
                }
                CreditFacts changedFacts = facts;
                List<Change> changes = new ArrayList<>();
                for (int lever = 0; lever < combination.length; lever++) {
                    if (combination[lever] > 0) {
                        Step step = useful.get(lever).get(combination[lever] - 1);
                        changedFacts = step.apply().apply(changedFacts);
                        changes.add(step.change());
                    }
                }
                CreditAssessment a = decide(changedFacts, 0);
                if (a != null && better(a.tier(), now.tier())) {
                    lifting.add(combination);
                    found.add(new Improvement(changes, a.score(), a.tier()));
                }
            }
            return found;
        }

        /** The first month from now at which these facts earn a better tier than {@code tier}, or null. */
        LocalDate lapse(CreditFacts facts, String tier) {
            for (int months = 1; months <= LAPSE_MONTHS; months++) {
                CreditAssessment a = decide(facts, months);
                if (a != null && better(a.tier(), tier)) {
                    return window.asOf().plusMonths(months);
                }
            }
            return null;
        }

        private static void collect(List<List<Step>> useful, int lever, int[] current, List<int[]> into) {
            if (lever == useful.size()) {
                into.add(current.clone());
                return;
            }
            for (int i = 0; i <= useful.get(lever).size(); i++) {
                current[lever] = i;
                collect(useful, lever + 1, current, into);
            }
        }

        private static int changed(int[] combination) {
            int n = 0;
            for (int i : combination) {
                n += i > 0 ? 1 : 0;
            }
            return n;
        }

        private static int effort(int[] combination) {
            int n = 0;
            for (int i : combination) {
                n += i;
            }
            return n;
        }

        /** Whether {@code larger} changes at least what {@code smaller} changes, lever by lever. */
        private static boolean contains(int[] larger, int[] smaller) {
            for (int i = 0; i < larger.length; i++) {
                if (larger[i] < smaller[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    // --- the levers: facts an enterprise can change, each as steps from today's value to its best ---

    private record Step(Change change, UnaryOperator<CreditFacts> apply) {}

    private record Lever(String indicator, List<Step> steps) {}

    private static List<Lever> levers(CreditFacts f) {
        List<Lever> levers = new ArrayList<>();
        // major hazards rectified on time, of those due
        List<Step> rectified = new ArrayList<>();
        for (int n : stepsUp(f.majorHazardsRectifiedOnTime(), f.majorHazardsDue())) {
            CreditFacts after = with(f, F.RECTIFIED, n);
            rectified.add(new Step(
                    new Change(
                            CreditAssessor.RECTIFICATION,
                            "majorHazardsRectifiedOnTime",
                            f.majorHazardsRectifiedOnTime() + "/" + f.majorHazardsDue(),
                            n + "/" + f.majorHazardsDue(),
                            f.majorHazardRectificationRate(),
                            after.majorHazardRectificationRate()),
                    x -> with(x, F.RECTIFIED, n)));
        }
        levers.add(new Lever(CreditAssessor.RECTIFICATION, rectified));
        // violations inside the window: fewer as old ones leave it and no new ones come
        List<Step> violations = new ArrayList<>();
        for (int n : stepsDown(f.violations())) {
            violations.add(new Step(
                    new Change(
                            CreditAssessor.VIOLATIONS,
                            "violations",
                            String.valueOf(f.violations()),
                            String.valueOf(n),
                            f.violations(),
                            n),
                    x -> with(x, F.VIOLATIONS, n)));
        }
        levers.add(new Lever(CreditAssessor.VIOLATIONS, violations));
        // staff trained, of those who must be; with no training recorded, everyone's training recorded
        List<Step> trained = new ArrayList<>();
        if (f.employeesRequiringTraining() == 0) {
            trained.add(new Step(
                    new Change(CreditAssessor.TRAINING, "employeesTrained", "0/0", "1/1", f.trainingCoverage(), 100.0),
                    x -> with(with(x, F.REQUIRED, 1), F.TRAINED, 1)));
        } else {
            for (int n : stepsUp(f.employeesTrained(), f.employeesRequiringTraining())) {
                CreditFacts after = with(f, F.TRAINED, n);
                trained.add(new Step(
                        new Change(
                                CreditAssessor.TRAINING,
                                "employeesTrained",
                                f.employeesTrained() + "/" + f.employeesRequiringTraining(),
                                n + "/" + f.employeesRequiringTraining(),
                                f.trainingCoverage(),
                                after.trainingCoverage()),
                        x -> with(x, F.TRAINED, n)));
            }
        }
        levers.add(new Lever(CreditAssessor.TRAINING, trained));
        // drills completed, of those planned; with none planned, one planned and done
        List<Step> drills = new ArrayList<>();
        if (f.drillsPlanned() == 0) {
            drills.add(new Step(
                    new Change(CreditAssessor.DRILLS, "drillsCompleted", "0/0", "1/1", f.drillCompletionRate(), 100.0),
                    x -> with(with(x, F.PLANNED, 1), F.COMPLETED, 1)));
        } else {
            for (int n : stepsUp(f.drillsCompleted(), f.drillsPlanned())) {
                CreditFacts after = with(f, F.COMPLETED, n);
                drills.add(new Step(
                        new Change(
                                CreditAssessor.DRILLS,
                                "drillsCompleted",
                                f.drillsCompleted() + "/" + f.drillsPlanned(),
                                n + "/" + f.drillsPlanned(),
                                f.drillCompletionRate(),
                                after.drillCompletionRate()),
                        x -> with(x, F.COMPLETED, n)));
            }
        }
        levers.add(new Lever(CreditAssessor.DRILLS, drills));
        // a licence in order
        List<Step> licence = new ArrayList<>();
        if (!"VALID".equals(f.licenceStatus()) && !"NOT_REQUIRED".equals(f.licenceStatus())) {
            licence.add(new Step(
                    new Change("LICENCE", "licenceStatus", f.licenceStatus(), "VALID", 0, 0),
                    x -> new CreditFacts(
                            x.enterpriseId(),
                            x.creditCode(),
                            x.sector(),
                            "VALID",
                            x.evaluatedOn(),
                            x.majorHazardsDue(),
                            x.majorHazardsRectifiedOnTime(),
                            x.violations(),
                            x.art114MultipleFines(),
                            x.employeesRequiringTraining(),
                            x.employeesTrained(),
                            x.drillsPlanned(),
                            x.drillsCompleted())));
        }
        levers.add(new Lever("LICENCE", licence));
        return levers;
    }

    /**
     * Counts above {@code current} up to {@code total}: every one, or for large totals the smallest count of
     * each whole percent, so that a lever never has more than about a hundred steps.
     */
    static List<Integer> stepsUp(int current, int total) {
        TreeSet<Integer> steps = new TreeSet<>();
        if (total - current <= 100) {
            for (int n = current + 1; n <= total; n++) {
                steps.add(n);
            }
        } else {
            for (int p = 1; p <= 100; p++) {
                int n = (int) Math.ceil(p * (double) total / 100.0);
                if (n > current) {
                    steps.add(n);
                }
            }
        }
        return List.copyOf(steps);
    }

    /** Counts below {@code current} down to 0, nearest first. */
    static List<Integer> stepsDown(int current) {
        List<Integer> steps = new ArrayList<>();
        int stride = Math.max(1, current / 100);
        for (int n = current - 1; n >= 0; n -= stride) {
            steps.add(n);
        }
        if (!steps.isEmpty() && steps.get(steps.size() - 1) != 0) {
            steps.add(0);
        }
        return steps;
    }

    private enum F {
        RECTIFIED,
        VIOLATIONS,
        REQUIRED,
        TRAINED,
        PLANNED,
        COMPLETED
    }

    private static CreditFacts with(CreditFacts x, F field, int n) {
        return new CreditFacts(
                x.enterpriseId(),
                x.creditCode(),
                x.sector(),
                x.licenceStatus(),
                x.evaluatedOn(),
                x.majorHazardsDue(),
                field == F.RECTIFIED ? n : x.majorHazardsRectifiedOnTime(),
                field == F.VIOLATIONS ? n : x.violations(),
                x.art114MultipleFines(),
                field == F.REQUIRED ? n : x.employeesRequiringTraining(),
                field == F.TRAINED ? n : x.employeesTrained(),
                field == F.PLANNED ? n : x.drillsPlanned(),
                field == F.COMPLETED ? n : x.drillsCompleted());
    }
}
