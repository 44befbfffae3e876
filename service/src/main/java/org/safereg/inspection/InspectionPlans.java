package org.safereg.inspection;

import java.util.List;
import org.safereg.jobs.Progress;
import org.safereg.system.Caller;

/**
 * What the web adapter (and the plan benchmark) may do with inspection plans: make one, read them, compare
 * one with a uniform plan, accept one. Each job is done by its own class; this is the one door to them.
 */
class InspectionPlans {

    private final PlanDrafting drafting;
    private final PlanViews views;
    private final PlanStatisticsReport statistics;
    private final PlanAcceptance acceptance;

    InspectionPlans(
            PlanDrafting drafting, PlanViews views, PlanStatisticsReport statistics, PlanAcceptance acceptance) {
        this.drafting = drafting;
        this.views = views;
        this.statistics = statistics;
        this.acceptance = acceptance;
    }

    /** Plans, stores and returns the plan; nothing is stored when the request or the plan is refused. */
    PlanView create(PlanRequest request, String createdBy) {
        return drafting.create(request, createdBy);
    }

    /** The request's period, when the request can be planned; refused before anything is read for it. */
    PlanPeriod validate(PlanRequest request) {
        return drafting.validate(request);
    }

    /** Plans and stores a validated request, reporting each step to {@code progress}. */
    PlanView draft(PlanRequest request, PlanPeriod period, String createdBy, Progress progress) {
        return drafting.draft(request, period, createdBy, progress);
    }

    PlanView get(long id) {
        return views.get(id);
    }

    List<PlanView.Summary> list(String region, String state, int limit) {
        return views.list(region, state, limit);
    }

    PlanStatistics statistics(long id) {
        return statistics.of(id);
    }

    /** Accepts a proposed plan and announces it after commit, for the enforcement tasks. */
    PlanView accept(long id, Caller caller) {
        return acceptance.accept(id, caller);
    }
}
