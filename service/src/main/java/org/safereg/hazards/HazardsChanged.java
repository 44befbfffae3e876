package org.safereg.hazards;

import java.util.List;
import org.safereg.enterprise.EnterpriseFactsChanged;

/** Hazards of these enterprises were recorded, rectified or verified, or passed their rectification deadline. */
public record HazardsChanged(List<Long> enterpriseIds) implements EnterpriseFactsChanged {

    public HazardsChanged {
        enterpriseIds = EnterpriseFactsChanged.requireSome(enterpriseIds);
    }

    public static HazardsChanged of(long enterpriseId) {
        return new HazardsChanged(List.of(enterpriseId));
    }

    @Override
    public String cause() {
        return "HAZARDS";
    }
}
