package org.safereg.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.tasks.EnforcementTasks;
import org.safereg.tasks.NewTask;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders the policy made, opened as enforcement tasks; each cause has its idempotency key, so that a task
 * is opened once however often and on however many instances the run goes.
 */
class TaskOrders {

    private final EnforcementTasks tasks;
    private final TransactionTemplate transactions;

    TaskOrders(EnforcementTasks tasks, TransactionTemplate transactions) {
        this.tasks = tasks;
        this.transactions = transactions;
    }

    /** Opens the tasks not opened yet; answers how many. */
    int open(List<EscalationCase> cases, RuleSetSnapshot rules, LocalDate today) {
        List<NewTask> wanted = new ArrayList<>();
        for (EscalationCase c : cases) {
            for (Situation.Order order : c.situation().orders()) {
                wanted.add(task(c, order, rules, today));
            }
        }
        Set<String> existing =
                tasks.existing(wanted.stream().map(NewTask::idempotencyKey).toList());
        int opened = 0;
        for (NewTask task : wanted) {
            if (existing.contains(task.idempotencyKey())) {
                continue;
            }
            // a task opens in the transaction of the decision that orders it: here each order is one
            Boolean made = transactions.execute(status -> tasks.open(task).isPresent());
            if (Boolean.TRUE.equals(made)) {
                opened++;
            }
        }
        return opened;
    }

    private static NewTask task(EscalationCase c, Situation.Order order, RuleSetSnapshot rules, LocalDate today) {
        FiredRule rule = order.rule();
        return new NewTask(
                order.type(),
                new NewTask.Subject(c.situation().getEnterpriseId(), c.hazardId()),
                new NewTask.Cause(reason(c.situation()), c.cause()),
                new NewTask.Terms(
                        order.priority(), today, today.plusDays(order.dueDays()), order.legalBasis(), order.posted()),
                NewTask.Decision.byRule(rules.version().hash(), rule));
    }

    private static String reason(Situation situation) {
        if (situation instanceof HazardSituation hazard) {
            return hazard.getGrade() + "_HAZARD_OVERDUE";
        }
        if (situation instanceof ScreeningFlag) {
            return "SUSPECTED_MAJOR_HAZARD";
        }
        if (situation instanceof TierChange change) {
            return "CREDIT_TIER_FELL_TO_" + change.getTier();
        }
        return "ALARM_UNACKNOWLEDGED";
    }
}
