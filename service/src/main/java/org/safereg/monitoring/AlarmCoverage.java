package org.safereg.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.TableConditions;

/**
 * Which equipment classes the alarm-threshold rows of a rule set cover for each metric. A point of a
 * class no row covers would take any reading silently, so it is refused at registration, and a version
 * that would leave registered points uncovered says so in its impact report.
 */
final class AlarmCoverage {

    /** The class a row covers when it leaves the equipment class empty: any. */
    private static final String ANY = "*";

    private final Map<String, Map<String, Set<String>>> byVersion = new ConcurrentHashMap<>();

    boolean covers(RuleSetSnapshot rules, String metric, String equipmentType) {
        Set<String> types = classes(rules).getOrDefault(metric, Set.of());
        return types.contains(ANY) || types.contains(equipmentType);
    }

    /** The classes the rows name for {@code metric}, sorted; "any" when a row leaves the class empty. */
    Set<String> coveredClasses(RuleSetSnapshot rules, String metric) {
        Set<String> types = new TreeSet<>(classes(rules).getOrDefault(metric, Set.of()));
        if (types.remove(ANY)) {
            types.add("any");
        }
        return types;
    }

    private Map<String, Set<String>> classes(RuleSetSnapshot rules) {
        return byVersion.computeIfAbsent(rules.version().hash(), version -> {
            if (byVersion.size() > 8) {
                byVersion.clear();
            }
            Map<String, Set<String>> classes = new ConcurrentHashMap<>();
            for (Map<String, String> row : TableConditions.rows(rules, List.of("metric", "equipmentType"))) {
                String metric = row.get("metric");
                if (metric != null) {
                    String type = row.get("equipmentType");
                    classes.computeIfAbsent(metric, m -> ConcurrentHashMap.newKeySet())
                            .add(type == null ? ANY : type);
                }
            }
            return classes;
        });
    }
}
