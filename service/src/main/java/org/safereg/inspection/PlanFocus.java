package org.safereg.inspection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;

/**
 * The focus points of a plan's enterprises: open hazards, alarms of the last 90 days and violations of the
 * last 3 years, a few of each, read in chunks so that a province-wide plan stays a handful of queries.
 */
class PlanFocus {

    /** An enterprise with nothing to look at in particular. */
    static final Focus NONE = new Focus(Focus.Facts.NONE, Focus.Facts.NONE, Focus.Facts.NONE);

    private static final int CHUNK = 1000;
    private static final int LIMIT = 3;

    private final InspectionPlanMapper mapper;
    private final RuleCatalog rules;
    private final Clock clock;

    PlanFocus(InspectionPlanMapper mapper, RuleCatalog rules, Clock clock) {
        this.rules = rules;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Focus points by enterprise id, for every enterprise of the items. */
    Map<Long, Focus> of(List<PlanItem> items) {
        List<Long> ids =
                items.stream().map(i -> i.enterprise().id()).distinct().sorted().toList();
        Map<Long, Focus.Facts> hazards = new HashMap<>();
        Map<Long, Focus.Facts> alarms = new HashMap<>();
        Map<Long, Focus.Facts> violations = new HashMap<>();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            collect(mapper.openHazards(chunk, LIMIT), hazards);
            collect(described(mapper.recentAlarms(chunk, now.minus(Duration.ofDays(90)), LIMIT)), alarms);
            collect(mapper.pastViolations(chunk, today.minusYears(3), LIMIT), violations);
        }
        Map<Long, Focus> focus = new HashMap<>();
        for (long id : ids) {
            focus.put(
                    id,
                    new Focus(
                            hazards.getOrDefault(id, Focus.Facts.NONE),
                            alarms.getOrDefault(id, Focus.Facts.NONE),
                            violations.getOrDefault(id, Focus.Facts.NONE)));
        }
        return focus;
    }

    /** Each alarm named by the rule that decided it, as its provenance says, or by its metric. */
    private List<FocusRow> described(List<AlarmFocusRow> alarms) {
        return alarms.stream()
                .map(a -> new FocusRow(
                        a.enterpriseId(),
                        rules.explain(a.provenance()).rules().stream()
                                .findFirst()
                                .map(ProvenanceView.Rule::rule)
                                .orElse(a.metric()),
                        a.detail(),
                        a.on(),
                        a.total()))
                .toList();
    }

    private static void collect(List<FocusRow> rows, Map<Long, Focus.Facts> into) {
        Map<Long, List<FocusRow>> byEnterprise = rows.stream()
                .collect(Collectors.groupingBy(FocusRow::enterpriseId, LinkedHashMap::new, Collectors.toList()));
        byEnterprise.forEach((id, list) -> into.put(
                id,
                new Focus.Facts(
                        list.get(0).total(),
                        list.stream()
                                .map(r -> new Focus.Entry(r.description(), r.detail(), r.on()))
                                .toList())));
    }
}
