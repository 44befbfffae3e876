package org.safereg.enterprise;

import java.util.List;
import java.util.Objects;

/**
 * Facts of some enterprises have changed and the decisions that read them (credit, risk level) are due
 * again. Published as a Spring application event by whoever changed them, after the change is committed;
 * listeners recompute only these enterprises.
 *
 * @param enterpriseIds the enterprises whose facts changed, never empty
 * @param fact what changed
 */
public record EnterpriseFactsChanged(List<Long> enterpriseIds, Fact fact) {

    /** The kind of fact that changed; it is also recorded as the cause of the decision it leads to. */
    public enum Fact {
        /** An alarm was raised, changed level or cleared. */
        ALARMS,
        /** The credit tier changed. */
        CREDIT,
        /** A hazard was recorded, rectified, verified, or passed its deadline. */
        HAZARDS,
        /** An inspection or enforcement result came back (violations, penalties, hazards found). */
        INSPECTION_RESULT,
        /** The enterprise's own record (sector, major hazard source, licence) changed. */
        ENTERPRISE
    }

    public EnterpriseFactsChanged {
        Objects.requireNonNull(fact, "fact");
        enterpriseIds = List.copyOf(enterpriseIds);
        if (enterpriseIds.isEmpty()) {
            throw new IllegalArgumentException("no enterprise");
        }
    }

    public static EnterpriseFactsChanged of(long enterpriseId, Fact fact) {
        return new EnterpriseFactsChanged(List.of(enterpriseId), fact);
    }
}
