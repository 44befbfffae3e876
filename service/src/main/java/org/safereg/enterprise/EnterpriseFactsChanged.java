package org.safereg.enterprise;

import java.util.List;

/**
 * What every event about an enterprise's facts has in common: whose facts changed, and what to record as the
 * cause of the decisions they lead to. Each feature publishes its own event, named for what happened
 * ({@code hazards.HazardsChanged}, {@code monitoring.AlarmsChanged}, {@code credit.CreditTiersChanged},
 * {@code tasks.InspectionResultRecorded}), as a Spring application event once the change is committed; a
 * decision that reads all of them (risk) listens to this type, one that reads only some listens to those.
 */
public interface EnterpriseFactsChanged {

    /** The enterprises whose facts changed, never empty. */
    List<Long> enterpriseIds();

    /** What changed, as the decisions it leads to record their cause, e.g. HAZARDS. */
    String cause();

    /** A copy of {@code ids}, refused when empty. */
    static List<Long> requireSome(List<Long> ids) {
        List<Long> copy = List.copyOf(ids);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no enterprise");
        }
        return copy;
    }
}
