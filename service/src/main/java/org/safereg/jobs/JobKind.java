package org.safereg.jobs;

/** What a long job does; its {@code result} link says where what it made is read. */
public enum JobKind {
    CREDIT_EVALUATION,
    RISK_RECOMPUTE,
    IMPACT_SIMULATION,
    INSPECTION_PLAN,
    /** The decisions of the enterprises an import of departments' facts changed, re-evaluated once at its end. */
    FACTS_REEVALUATION
}
