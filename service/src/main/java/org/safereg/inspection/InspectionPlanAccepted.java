package org.safereg.inspection;

/**
 * Published after the transaction that accepted a plan has committed (the plan's items are enforcement tasks
 * by then, opened in that transaction). A listener reads the plan's items by {@code planId}.
 */
public record InspectionPlanAccepted(long planId, String region, String acceptedBy) {}
