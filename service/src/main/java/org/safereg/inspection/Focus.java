package org.safereg.inspection;

import java.time.LocalDate;
import java.util.List;

/** What an inspector should look at during the visit: open hazards, recent alarms, past violations. */
record Focus(Facts openHazards, Facts recentAlarms, Facts pastViolations) {

    /** How many there are, and the most telling few (major and oldest-due hazards, highest alarms, newest violations). */
    record Facts(int total, List<Entry> latest) {
        static final Facts NONE = new Facts(0, List.of());
    }

    record Entry(String description, String detail, LocalDate on) {}
}
