package org.safereg.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task a decision orders. {@code reason} and {@code trigger} name its cause; with the type and the
 * enterprise they make the idempotency key, so the same cause never makes a second task.
 *
 * @param type ON_SITE_INSPECTION, ENFORCEMENT_INSPECTION, POSTED_SUPERVISION, KEY_SUPERVISION, RECTIFICATION_REVIEW
 * @param reason why, e.g. MAJOR_HAZARD_OVERDUE
 * @param trigger the fact that caused it, e.g. {@code hazard:42}
 * @param firedRules ordinals of the rules that fired in the deciding evaluation
 */
public record NewTask(
        long enterpriseId,
        String type,
        String reason,
        String trigger,
        Long hazardId,
        String legalBasis,
        boolean postedSupervision,
        int priority,
        LocalDate dueFrom,
        LocalDate dueBy,
        String ruleSetVersion,
        List<Integer> firedRules,
        String ruleName,
        String ruleFile,
        String ruleSheet,
        Integer ruleRow) {

    public static final List<String> TYPES = List.of(
            "ON_SITE_INSPECTION",
            "ENFORCEMENT_INSPECTION",
            "POSTED_SUPERVISION",
            "KEY_SUPERVISION",
            "RECTIFICATION_REVIEW");

    public NewTask {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(trigger, "trigger");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown task type " + type + "; one of " + TYPES);
        }
        if (dueBy.isBefore(dueFrom)) {
            throw new IllegalArgumentException("due window ends before it starts");
        }
        firedRules = List.copyOf(firedRules);
    }

    /** The cause: type, enterprise, reason and trigger. */
    public String idempotencyKey() {
        return idempotencyKey(type, enterpriseId, reason, trigger);
    }

    public static String idempotencyKey(String type, long enterpriseId, String reason, String trigger) {
        return type + ":" + enterpriseId + ":" + reason + ":" + trigger;
    }
}
