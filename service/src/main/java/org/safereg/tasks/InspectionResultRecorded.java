package org.safereg.tasks;

import java.util.List;
import org.safereg.enterprise.EnterpriseFactsChanged;

/** An inspection's result came back on a task: violations, hazards found, a rectification verified. */
public record InspectionResultRecorded(long enterpriseId, long taskId) implements EnterpriseFactsChanged {

    @Override
    public List<Long> enterpriseIds() {
        return List.of(enterpriseId);
    }

    @Override
    public String cause() {
        return "INSPECTION_RESULT";
    }
}
