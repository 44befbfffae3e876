package org.safereg.monitoring;

import java.util.List;
import org.safereg.enterprise.EnterpriseFactsChanged;

/** An alarm of each of these enterprises was raised, changed level or was cleared. */
public record AlarmsChanged(List<Long> enterpriseIds) implements EnterpriseFactsChanged {

    public AlarmsChanged {
        enterpriseIds = EnterpriseFactsChanged.requireSome(enterpriseIds);
    }

    @Override
    public String cause() {
        return "ALARMS";
    }
}
