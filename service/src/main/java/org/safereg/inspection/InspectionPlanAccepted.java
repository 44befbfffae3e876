package org.safereg.inspection;

/**
 * Published after the transaction that accepted a plan has committed: the seam where the plan's items
 * become enforcement tasks. A listener reads the plan's items by {@code planId}.
 */
public record InspectionPlanAccepted(long planId, String region, String acceptedBy) {}
