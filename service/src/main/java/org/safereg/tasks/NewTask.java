package org.safereg.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.safereg.engine.FiredRule;
import org.safereg.engine.Provenance;

/**
 * A task a decision orders: what is to be done ({@code type}), about what, why, on which terms and by which
 * decision. The type, the enterprise and the cause make the idempotency key, so the same cause never makes a
 * second task.
 *
 * @param type ON_SITE_INSPECTION, ENFORCEMENT_INSPECTION, POSTED_SUPERVISION, KEY_SUPERVISION, RECTIFICATION_REVIEW
 */
public record NewTask(String type, Subject subject, Cause cause, Terms terms, Decision decision) {

    public static final List<String> TYPES = List.of(
            "ON_SITE_INSPECTION",
            "ENFORCEMENT_INSPECTION",
            "POSTED_SUPERVISION",
            "KEY_SUPERVISION",
            "RECTIFICATION_REVIEW");

    public NewTask {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown task type " + type + "; one of " + TYPES);
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * The enterprise the task is about and, when it follows a hazard, that hazard (its rectification is what
     * a review verifies).
     */
    public record Subject(long enterpriseId, Long hazardId) {

        public static Subject enterprise(long enterpriseId) {
            return new Subject(enterpriseId, null);
        }
    }

    /**
     * @param reason why, e.g. MAJOR_HAZARD_OVERDUE
     * @param trigger the fact that caused it, e.g. {@code hazard:42}
     */
    public record Cause(String reason, String trigger) {

        public Cause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /**
     * @param dueBy the last day of the due window, never before {@code dueFrom}
     * @param legalBasis the article the task enforces, when the deciding rule names one
     * @param postedSupervision whether the task puts the hazard under posted supervision (挂牌督办)
     */
    public record Terms(
            int priority, LocalDate dueFrom, LocalDate dueBy, String legalBasis, boolean postedSupervision) {

        public Terms {
            if (dueBy.isBefore(dueFrom)) {
                throw new IllegalArgumentException("due window ends before it starts");
            }
        }

        /** A window with no legal basis and no posted supervision, as a planned inspection has. */
        public static Terms due(int priority, LocalDate dueFrom, LocalDate dueBy) {
            return new Terms(priority, dueFrom, dueBy, null, false);
        }
    }

    /**
     * The decision that ordered the task: its provenance (the version and every rule its evaluation fired), and
     * the one rule that ordered the task, or null when a whole evaluation did (an inspection plan).
     */
    public record Decision(Provenance provenance, FiredRule orderedBy) {

        public Decision {
            Objects.requireNonNull(provenance, "provenance");
        }

        /** One rule decided on {@code ruleSetVersion}, and ordered the task. */
        public static Decision byRule(String ruleSetVersion, FiredRule rule) {
            return new Decision(Provenance.of(ruleSetVersion, rule), rule);
        }

        /** The ordinal of the rule that ordered the task, or null. */
        public Integer decidingRule() {
            return orderedBy == null || orderedBy.ordinal() < 0 ? null : orderedBy.ordinal();
        }
    }

    /** The cause: type, enterprise, reason and trigger. */
    public String idempotencyKey() {
        return idempotencyKey(type, subject.enterpriseId(), cause.reason(), cause.trigger());
    }

    public static String idempotencyKey(String type, long enterpriseId, String reason, String trigger) {
        return type + ":" + enterpriseId + ":" + reason + ":" + trigger;
    }
}
