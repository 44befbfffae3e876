package org.safereg.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What may be due for escalation, read from MySQL: unacknowledged alarms (with their point's recent raises,
 * for the repeated-alarm windows), hazards past their rectification deadline, self-checks that platform
 * screening flagged for department verification, recent falls in credit tier.
 * Whether anything is due is the policy's to decide, not this class's.
 */
class DueSituations {

    private static final int CHUNK = 1000;

    private final EscalationMapper mapper;
    private final EscalationProperties properties;

    DueSituations(EscalationMapper mapper, EscalationProperties properties) {
        this.mapper = mapper;
        this.properties = properties;
    }

    List<EscalationCase> gather(Instant now, LocalDate today) {
        List<EscalationCase> cases = new ArrayList<>(alarms(now));
        mapper.overdueHazards(today).forEach(h -> cases.add(hazard(h, today)));
        mapper.openScreeningFlags().forEach(f -> cases.add(screening(f, now)));
        mapper.tierChangesSince(now.minus(properties.tierChangeLookback())).forEach(c -> cases.add(tierChange(c)));
        return cases;
    }

    private List<EscalationCase> alarms(Instant now) {
        List<Rows.OpenAlarm> open = mapper.openAlarms();
        Map<Long, List<Instant>> raises = raises(open, now.minus(properties.repeatLookback()));
        List<EscalationCase> cases = new ArrayList<>(open.size());
        for (Rows.OpenAlarm alarm : open) {
            // an alarm re-raised by a rise after its acknowledgement waits, and escalates, from the rise
            long waited =
                    Math.max(0, Duration.between(alarm.awaitingSince(), now).toMinutes());
            List<Long> ago = raises.getOrDefault(alarm.pointId(), List.of()).stream()
                    .map(at -> Math.max(0, Duration.between(at, now).toMinutes()))
                    .toList();
            cases.add(new EscalationCase(
                    new AlarmSituation(alarm.alarmId(), alarm.enterpriseId(), alarm.level(), waited, ago),
                    alarm.acknowledgementRound() == 0
                            ? "alarm:" + alarm.alarmId()
                            : "alarm:" + alarm.alarmId() + "#" + alarm.acknowledgementRound(),
                    alarm.alarmId(),
                    null,
                    alarm.enterpriseName(),
                    alarm.regionCode(),
                    (alarm.level() == 0 ? "Early warning " : "Level-" + alarm.level() + " alarm ") + alarm.alarmId()
                            + " at " + alarm.enterpriseName() + " unacknowledged for " + waited + " min."));
        }
        return cases;
    }

    /** When each open alarm's point raised alarms since {@code since}, by point. */
    private Map<Long, List<Instant>> raises(List<Rows.OpenAlarm> open, Instant since) {
        Map<Long, List<Instant>> raises = new HashMap<>();
        List<Long> points =
                open.stream().map(Rows.OpenAlarm::pointId).distinct().toList();
        for (int from = 0; from < points.size(); from += CHUNK) {
            for (Rows.Raise raise :
                    mapper.raisesSince(points.subList(from, Math.min(points.size(), from + CHUNK)), since)) {
                raises.computeIfAbsent(raise.pointId(), p -> new ArrayList<>()).add(raise.raisedAt());
            }
        }
        return raises;
    }

    private static EscalationCase hazard(Rows.OverdueHazard h, LocalDate today) {
        long overdue = ChronoUnit.DAYS.between(h.deadline(), today);
        return new EscalationCase(
                new HazardSituation(h.hazardId(), h.enterpriseId(), h.grade(), overdue),
                "hazard:" + h.hazardId(),
                null,
                h.hazardId(),
                h.enterpriseName(),
                h.regionCode(),
                ("MAJOR".equals(h.grade()) ? "Major hazard " : "Hazard ") + h.hazardId() + " (" + h.description()
                        + ") at " + h.enterpriseName() + " is " + overdue + " days past its rectification deadline "
                        + h.deadline() + ".");
    }

    private static EscalationCase screening(Rows.ScreeningFlagRow f, Instant now) {
        long hours = Math.max(0, Duration.between(f.flaggedAt(), now).toHours());
        return new EscalationCase(
                new ScreeningFlag(f.hazardId(), f.enterpriseId(), f.criterion(), hours),
                "screening:" + f.hazardId(),
                null,
                f.hazardId(),
                f.enterpriseName(),
                f.regionCode(),
                "Self-check hazard " + f.hazardId() + " (" + f.description() + ") at " + f.enterpriseName()
                        + " was graded general but matches major-hazard criterion " + f.criterion() + " ("
                        + f.typeCode()
                        + ": " + f.words() + "); department verification is due, flagged " + hours + " h ago.");
    }

    private static EscalationCase tierChange(Rows.TierChangeRow c) {
        return new EscalationCase(
                new TierChange(c.historyId(), c.enterpriseId(), c.tier(), c.previousTier()),
                "credit-history:" + c.historyId(),
                null,
                null,
                c.enterpriseName(),
                c.regionCode(),
                "Credit tier of " + c.enterpriseName() + " fell to " + c.tier() + ".");
    }
}
