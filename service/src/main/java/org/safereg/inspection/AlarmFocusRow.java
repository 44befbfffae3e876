package org.safereg.inspection;

import java.time.LocalDate;
import org.safereg.engine.Provenance;

/** A recent alarm of a planned enterprise, as the monitoring feature publishes it. */
record AlarmFocusRow(
        long enterpriseId,
        String metric,
        String ruleSetVersion,
        String firedRules,
        String detail,
        LocalDate on,
        int total) {

    Provenance provenance() {
        return Provenance.stored(ruleSetVersion, firedRules);
    }
}
