package org.safereg.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safereg.engine.RuleEngine;
import org.safereg.enterprise.RegionCodes;
import org.safereg.jobs.Progress;
import org.safereg.system.DecisionMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a plan from a request and stores it: the region's enterprises, the frequency the active rules give
 * each class of them, the seeded draw and assignment, the focus points. Nothing is stored when the request or
 * the plan is refused. Each step is timed, because a province-wide plan is the slowest request there is, and
 * reported as done: read, decided and drawn, focus points, stored ({@link #STEPS}). Focus points and storing
 * overlap (the items are written as their focus points come in), so the log gives both from the draw's end.
 */
class PlanDrafting {

    private static final Logger log = LoggerFactory.getLogger(PlanDrafting.class);

    /** The steps a plan reports as its progress. */
    static final int STEPS = 4;

    private final PlanRequestValidation validation;
    private final InspectionPlanMapper mapper;
    private final RuleEngine engine;
    private final PlanFocus focus;
    private final PlanStore store;
    private final PlanViews views;
    private final PlanJson json;
    private final Clock clock;
    private final DecisionMeter decisions;
    private final SecureRandom seeds = new SecureRandom();

    PlanDrafting(
            PlanRequestValidation validation,
            InspectionPlanMapper mapper,
            RuleEngine engine,
            PlanFocus focus,
            PlanStore store,
            PlanViews views,
            PlanJson json,
            Clock clock,
            DecisionMeter decisions) {
        this.validation = validation;
        this.mapper = mapper;
        this.engine = engine;
        this.focus = focus;
        this.store = store;
        this.views = views;
        this.json = json;
        this.clock = clock;
        this.decisions = decisions;
    }

    /** Plans, stores and returns the plan; nothing is stored when the request or the plan is refused. */
    PlanView create(PlanRequest request, String createdBy) {
        return draft(request, validate(request), createdBy, Progress.NONE);
    }

    /** The request's period, when the request can be planned; refused before anything is read for it. */
    PlanPeriod validate(PlanRequest request) {
        return validation.validate(request);
    }

    /** Plans and stores a {@link #validate validated} request, reporting each step as it is done. */
    PlanView draft(PlanRequest request, PlanPeriod period, String createdBy, Progress progress) {
        long started = System.nanoTime();
        progress.total(STEPS);
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        List<Inspector> inspectors = inspectors(request);

        LocalDate yearStart = period.start().withDayOfYear(1);
        List<PlanEnterprise> enterprises = mapper.enterprisesIn(
                RegionCodes.prefix(request.region()),
                yearStart,
                yearStart.plusYears(1).minusDays(1));
        progress.advance(1);
        long read = System.nanoTime();
        var rules = engine.active();
        Set<EnterpriseClass> classes = new LinkedHashSet<>();
        enterprises.forEach(e -> classes.add(e.enterpriseClass()));
        InspectionPolicy policy = InspectionPolicy.evaluate(rules, classes);
        long decided = System.nanoTime();
        PlanDraft draft = InspectionPlanner.plan(enterprises, policy, inspectors, period, seed);
        long drawn = System.nanoTime();
        progress.advance(1);
        if (!draft.uncovered().isEmpty()) {
            throw new InfeasiblePlanException(
                    draft.uncovered(),
                    draft.mandatory(),
                    inspectors.stream().mapToLong(Inspector::capacity).sum());
        }
        // focus points and storing overlap: the focus points are read on connections of their own while the items
        // are written batch by batch as their focus points come in
        long[] focused = new long[1];
        long id;
        NewPlan plan;
        Map<Long, Focus> focusPoints;
        long waited;
        try (PlanFocus.Reading reading = focus.read(draft.items())) {
            String digest = InspectionPlanner.digest(draft, seed, policy.ruleSetVersion(), period);
            // stored with the seed drawn, so that the same request can be planned again identically
            PlanRequest stored = new PlanRequest(request.region(), request.period(), request.inspectors(), seed);
            plan = new NewPlan(
                    request.region(),
                    period,
                    seed,
                    policy.ruleSetVersion(),
                    json.write(stored),
                    draft.factsDigest(),
                    digest,
                    json.write(draft.population()),
                    json.write(draft.warnings()),
                    draft.mandatory(),
                    draft.random(),
                    createdBy,
                    // whole seconds, as MariaDB keeps them, so that the answer and the stored plan read alike
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
            id = store.insert(plan, draft, reading, () -> {
                focused[0] = System.nanoTime();
                progress.advance(1);
            });
            focusPoints = reading.upTo(draft.items().size());
            waited = reading.waited();
        }
        progress.advance(1);
        decisions.decided(policy.ruleSetVersion(), 1, policy.firedRules());
        long written = System.nanoTime();
        log.info(
                "Plan {} for {} {} {}: {} enterprises, {} classes, {} items ({} mandatory), {} warnings; read {} ms,"
                        + " rules {} ms, draw and assignment {} ms, focus {} ms and store {} ms (overlapping, both from the"
                        + " draw's end; the store waited {} ms for focus points)",
                id,
                request.region(),
                period.kind(),
                period.start(),
                enterprises.size(),
                classes.size(),
                draft.items().size(),
                draft.mandatory(),
                draft.warnings().size(),
                millis(started, read),
                millis(read, decided),
                millis(decided, drawn),
                millis(drawn, focused[0]),
                millis(drawn, written),
                waited / 1_000_000);
        return views.proposed(id, plan, draft, focusPoints);
    }

    private static List<Inspector> inspectors(PlanRequest request) {
        return request.inspectors().stream()
                .map(i -> new Inspector(
                        i.id().trim(),
                        i.name().trim(),
                        i.region(),
                        i.capacity(),
                        i.conflicts() == null ? Set.of() : Set.copyOf(i.conflicts())))
                .toList();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
