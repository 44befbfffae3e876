package org.safereg.changes;

import java.time.Instant;

/**
 * One change of a decision, as the feed tells it: credit (the tier), risk (the level) or a task (its event).
 *
 * @param kind CREDIT, RISK or TASK
 * @param value the new tier, level, or the task's event (CREATED, CLAIMED, COMPLETED)
 * @param previous the value before, or null
 * @param detail the score, the cause of a risk change, or the task's type
 * @param ref what else identifies it, e.g. task:42, or null
 * @param ruleSetVersion the rule-set version the decision was made on
 */
public record DecisionChange(
        String kind,
        long enterpriseId,
        String value,
        String previous,
        String detail,
        String ref,
        String ruleSetVersion,
        Instant decidedAt) {

    public static DecisionChange credit(
            long enterpriseId, String tier, String previous, String score, String version, Instant at) {
        return new DecisionChange("CREDIT", enterpriseId, tier, previous, score, null, version, at);
    }

    public static DecisionChange risk(
            long enterpriseId, String level, String previous, String cause, String version, Instant at) {
        return new DecisionChange("RISK", enterpriseId, level, previous, cause, null, version, at);
    }

    public static DecisionChange task(
            long enterpriseId, long taskId, String event, String type, String version, Instant at) {
        return new DecisionChange("TASK", enterpriseId, event, null, type, "task:" + taskId, version, at);
    }
}
