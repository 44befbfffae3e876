package org.safereg.positioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.monitoring.DerivedReadings;

/**
 * Thins a batch's worked-out readings of each point to those an alarm can turn on: the first, the last
 * and every turn (a peak or a trough). A head count climbing from 1 to 25 within one batch is two
 * readings, not 25, while a person entering a restricted area and leaving it again in the same batch
 * still gives 1 then 0. The thresholds see the same highs and lows, so they decide the same alarms,
 * only without the steps in between.
 */
final class TurningPoints {

    private TurningPoints() {}

    static List<DerivedReadings.Value> keep(List<DerivedReadings.Value> values) {
        Map<String, List<DerivedReadings.Value>> byPoint = new LinkedHashMap<>();
        for (DerivedReadings.Value v : values) {
            byPoint.computeIfAbsent(v.point(), p -> new ArrayList<>()).add(v);
        }
        List<DerivedReadings.Value> kept = new ArrayList<>(values.size());
        for (List<DerivedReadings.Value> series : byPoint.values()) {
            List<DerivedReadings.Value> changes = new ArrayList<>(series.size());
            for (DerivedReadings.Value v : series) {
                if (changes.isEmpty() || changes.get(changes.size() - 1).value() != v.value()) {
                    changes.add(v);
                }
            }
            // the last of a run of equal values is still the newest word on the point
            DerivedReadings.Value last = series.get(series.size() - 1);
            for (int i = 0; i < changes.size(); i++) {
                DerivedReadings.Value v = changes.get(i);
                boolean end = i == 0 || i == changes.size() - 1;
                if (end
                        || Math.signum(v.value() - changes.get(i - 1).value())
                                != Math.signum(changes.get(i + 1).value() - v.value())) {
                    kept.add(i == changes.size() - 1 ? last : v);
                }
            }
        }
        return kept;
    }
}
