package org.safereg.inspection;

import java.util.List;
import org.safereg.system.Text;

/** The inspectors cannot cover every mandatory item: the plan is not stored, the uncovered items are listed. */
class InfeasiblePlanException extends RuntimeException {

    private final transient List<PlanDraft.Uncovered> uncovered;
    private final long mandatory;
    private final long capacity;
    private final transient Text text;

    InfeasiblePlanException(List<PlanDraft.Uncovered> uncovered, long mandatory, long capacity) {
        this(
                uncovered,
                mandatory,
                capacity,
                Text.of(
                        "inspection.infeasible",
                        "{0} of {1} mandatory inspections cannot be assigned to an inspector (total capacity {2}); each"
                                + " is listed under 'uncovered' with the reason",
                        uncovered.size(),
                        mandatory,
                        capacity));
    }

    private InfeasiblePlanException(List<PlanDraft.Uncovered> uncovered, long mandatory, long capacity, Text text) {
        super(text.english());
        this.text = text;
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

    Text text() {
        return text;
    }
}
