package org.safereg.inspection;

import java.util.List;

/** The inspectors cannot cover every mandatory item: the plan is not stored, the uncovered items are listed. */
class InfeasiblePlanException extends RuntimeException {

    private final transient List<PlanDraft.Uncovered> uncovered;
    private final long mandatory;
    private final long capacity;

    InfeasiblePlanException(List<PlanDraft.Uncovered> uncovered, long mandatory, long capacity) {
        super(uncovered.size() + " of " + mandatory + " mandatory inspections cannot be assigned to an inspector"
                + " (total capacity " + capacity + "); each is listed under 'uncovered' with the reason");
        this.uncovered = List.copyOf(uncovered);
        this.mandatory = mandatory;
        this.capacity = capacity;
    }

    List<PlanDraft.Uncovered> uncovered() {
        return uncovered;
    }

    long mandatory() {
        return mandatory;
    }

    long capacity() {
        return capacity;
    }
}
