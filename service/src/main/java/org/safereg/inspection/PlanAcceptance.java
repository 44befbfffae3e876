package org.safereg.inspection;

import java.time.Clock;
import org.safereg.engine.Provenance;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Text;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting a proposed plan: the decision that orders its inspections. The plan, its enforcement tasks and
 * the announcement commit together, so that a plan is never accepted without its tasks (nor the reverse).
 */
class PlanAcceptance {

    private final InspectionPlanMapper mapper;
    private final PlanViews views;
    private final EnforcementTasks tasks;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final PlanJson json;
    private final Clock clock;

    PlanAcceptance(
            InspectionPlanMapper mapper,
            PlanViews views,
            EnforcementTasks tasks,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            PlanJson json,
            Clock clock) {
        this.mapper = mapper;
        this.views = views;
        this.tasks = tasks;
        this.transactions = transactions;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Accepts a proposed plan and announces it after commit, for the enforcement tasks. */
    PlanView accept(long id, Caller caller) {
        transactions.executeWithoutResult(status -> {
            PlanRow plan = views.find(id);
            if (mapper.accept(id, caller.subject(), clock.instant()) == 0) {
                throw new ConflictException(Text.of(
                        "inspection.only-proposed",
                        "plan {0} is {1}, only a PROPOSED plan can be accepted",
                        id,
                        plan.state()));
            }
            for (ItemRow item : mapper.itemsOf(id)) {
                tasks.open(taskOf(plan, item));
            }
            // delivered to @TransactionalEventListener listeners once this transaction has committed
            events.publishEvent(new InspectionPlanAccepted(id, plan.regionCode(), caller.subject()));
        });
        return views.get(id);
    }

    /**
     * An on-site inspection for the dispatch system: one per plan item, keyed by plan and item so that
     * accepting never opens it twice; the reasons (rules fired, rule-set version) are the plan's.
     */
    private NewTask taskOf(PlanRow plan, ItemRow item) {
        boolean mandatory = PlanItem.Kind.MANDATORY.name().equals(item.kind());
        return new NewTask(
                "ON_SITE_INSPECTION",
                NewTask.Subject.enterprise(item.enterpriseId()),
                new NewTask.Cause(
                        mandatory ? "INSPECTION_PLAN_KEY_SUPERVISION" : "INSPECTION_PLAN_RANDOM_DRAW",
                        "inspection-plan:" + plan.id() + ":item:" + item.seq()),
                NewTask.Terms.due(item.priority(), item.dueFrom(), item.dueTo()),
                new NewTask.Decision(Provenance.stored(plan.ruleSetVersion(), item.firedRules()), null));
    }
}
