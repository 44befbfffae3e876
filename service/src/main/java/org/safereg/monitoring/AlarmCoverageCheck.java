package org.safereg.monitoring;

import java.util.List;
import java.util.stream.Collectors;
import org.safereg.engine.CandidateCheck;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.stereotype.Component;

/** Flags a candidate rule set whose thresholds would leave registered points unable to ever alarm. */
@Component
class AlarmCoverageCheck implements CandidateCheck {

    private static final String WORKBOOK = "decision-tables/alarm-thresholds.xlsx";
    private static final int NAMED = 5;

    private final AlarmSimulation simulation;

    AlarmCoverageCheck(AlarmSimulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public List<Finding> check(RuleSetSnapshot candidate) {
        List<AlarmSimulation.Uncovered> uncovered = simulation.uncovered(candidate);
        if (uncovered.isEmpty()) {
            return List.of();
        }
        String named = uncovered.stream()
                .limit(NAMED)
                .map(u -> u.point() + " (" + u.metric() + " on " + u.equipmentType() + ")")
                .collect(Collectors.joining(", "));
        String more = uncovered.size() > NAMED ? " and " + (uncovered.size() - NAMED) + " more" : "";
        return List.of(new Finding(
                WORKBOOK,
                uncovered.size() + " registered monitoring points would have no alarm threshold and could never"
                        + " alarm: " + named + more + "; add rows for their metric and equipment class",
                uncovered.size() + " 个已登记的监测点将没有任何报警阈值，永远不会报警：" + named + (more.isEmpty() ? "" : " 等")
                        + "；请为其监测指标和设备类别添加阈值行"));
    }
}
