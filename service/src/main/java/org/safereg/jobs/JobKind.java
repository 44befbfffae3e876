package org.safereg.jobs;

/** What a long job does; its {@code result} link says where what it made is read. */
public enum JobKind {
    CREDIT_EVALUATION,
    RISK_RECOMPUTE,
    IMPACT_SIMULATION,
    INSPECTION_PLAN
}
