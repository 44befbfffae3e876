package org.safereg.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;

/**
 * The output fact of one reading: the rows of alarm-thresholds.xlsx that match its metric and equipment
 * class set its setpoints, and the rules in rules/alarm-*.drl add early warning, corroboration and
 * repetition. Each setting records the rule that made it, so the alarm can name the row that decided
 * it. What the reading means given the point's earlier state is {@link #classify}'s job. Not
 * thread-safe: one per reading.
 */
public final class AlarmDecision {

    static final int NORMAL = -1;
    static final int EARLY_WARNING = 0;

    private final long pointId;
    private final long enterpriseId;
    private final String metric;
    private final String equipmentType;
    private final String processUnit;
    private final double value;
    private final Double ratedLimit;
    private final Double oel;
    private final double trendPerMinute;
    private final double trendSpanSeconds;
    private final Instant at;
    private final List<Instant> recentRaises;

    private final List<Draft> drafts = new ArrayList<>(4);
    // made on the first problem: nearly every reading has none
    private List<String> problems;
    private FiredRule corroboratedBy;
    private FiredRule earlyWarningBy;
    private double earlyWarningMinutes;
    private String earlyWarningColour;
    private FiredRule repeatedBy;
    private ArrayList<Setpoint> resolved;
    private RuleInProgress inProgress;

    /**
     * @param trendPerMinute slope of the point's recent readings and this one
     * @param trendSpanSeconds the time those readings span: a slope over seconds of readings is noise, not a trend
     */
    AlarmDecision(
            MonitoringPoint point,
            double value,
            Instant at,
            double trendPerMinute,
            double trendSpanSeconds,
            List<Instant> recentRaises) {
        this.pointId = point.id();
        this.enterpriseId = point.enterpriseId();
        this.metric = point.metric();
        this.equipmentType = point.equipmentType();
        this.processUnit = point.processUnit();
        this.ratedLimit = point.ratedLimit() == null ? null : point.ratedLimit().doubleValue();
        this.oel = point.oel() == null ? null : point.oel().doubleValue();
        this.value = value;
        this.at = at;
        this.trendPerMinute = trendPerMinute;
        this.trendSpanSeconds = trendSpanSeconds;
        this.recentRaises = recentRaises;
    }

    public long getPointId() {
        return pointId;
    }

    public long getEnterpriseId() {
        return enterpriseId;
    }

    public String getMetric() {
        return metric;
    }

    public String getEquipmentType() {
        return equipmentType;
    }

    public String getProcessUnit() {
        return processUnit;
    }

    public double getValue() {
        return value;
    }

    /** Least-squares slope of the point's recent readings, in the point's unit per minute; 0 without history. */
    public double getTrendSpanSeconds() {
        return trendSpanSeconds;
    }

    public double getTrendPerMinute() {
        return trendPerMinute;
    }

    /** How many alarms this point raised in the last {@code minutes}, this reading's own not counted. */
    public int raisesWithin(int minutes) {
        Instant since = at.minusSeconds(60L * minutes);
        int raises = 0;
        for (Instant raise : recentRaises) {
            if (raise.isAfter(since)) {
                raises++;
            }
        }
        return raises;
    }

    // --- called by the rows of alarm-thresholds.xlsx; one row's calls build one setpoint ---

    public void level(double level) {
        if (level != Math.rint(level)) {
            problem("alarm level " + level + " is not a whole number");
        }
        Draft draft = draft();
        draft.level = (int) level;
        draft.hasLevel = true;
    }

    public void colour(String colour) {
        draft().colour = colour.trim().toUpperCase(Locale.ROOT);
    }

    public void direction(String direction) {
        draft().direction = direction.trim().toUpperCase(Locale.ROOT);
    }

    public void basis(String basis) {
        draft().basis = basis.trim().toUpperCase(Locale.ROOT);
    }

    public void setpoint(double setpoint) {
        Draft draft = draft();
        draft.setpoint = setpoint;
        draft.hasSetpoint = true;
    }

    public void deadband(double deadband) {
        draft().deadband = deadband;
    }

    public void debounce(double seconds) {
        draft().debounce = seconds;
    }

    // --- called by the DRL rules ---

    /** Another detector on the same process unit is in alarm: an alarm of this reading goes one level up. */
    public void corroborated() {
        corroboratedBy = rule();
    }

    /** Warn when the trend reaches the level-2 setpoint within {@code minutes}. */
    public void earlyWarning(double minutes, String colour) {
        earlyWarningBy = rule();
        earlyWarningMinutes = minutes;
        earlyWarningColour = colour;
    }

    /** The point alarms again and again: the alarm is marked as repeated. */
    public void repeated() {
        repeatedBy = rule();
    }

    /**
     * The rule-in-progress slot of the thread that evaluates this decision, given before the evaluation (see
     * {@link AlarmRules}): a ThreadLocal lookup for each reading of a batch costs as much as a rule firing.
     */
    void evaluatedWith(RuleInProgress slot) {
        inProgress = slot;
    }

    /** The rule firing now; the thread's slot is looked up once, not on each of a row's seven calls. */
    private FiredRule rule() {
        RuleInProgress here = inProgress;
        if (here == null || !here.isOnThisThread()) {
            here = RuleInProgress.onThisThread();
            inProgress = here;
        }
        return here.rule();
    }

    private Draft draft() {
        resolved = null;
        FiredRule rule = rule();
        Draft last = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
        if (last == null || last.rule != rule) {
            last = new Draft(rule);
            drafts.add(last);
        }
        return last;
    }

    /** The setpoints the table gave this reading, in the point's unit; problems are collected, not thrown. */
    private ArrayList<Setpoint> setpoints() {
        if (resolved != null) {
            return resolved;
        }
        ArrayList<Setpoint> setpoints = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Setpoint setpoint = drafts.get(i).resolve();
            if (setpoint != null) {
                setpoints.add(setpoint);
            }
        }
        resolved = setpoints;
        return resolved;
    }

    List<String> problems() {
        setpoints();
        return problems == null ? List.of() : Collections.unmodifiableList(problems);
    }

    private void problem(String message) {
        if (problems == null) {
            problems = new ArrayList<>(2);
        }
        problems.add(message);
    }

    FiredRule repeatedBy() {
        return repeatedBy;
    }

    /**
     * The condition this reading puts the point in, given the condition it was in: a level that was
     * active stays active until the value is back past its deadband (hysteresis), so a value hovering
     * at a setpoint does not switch the level on and off.
     */
    Condition classify(int previousLevel, Setpoint.Direction previousDirection) {
        // indexed loops over the list itself: classify runs once for every reading
        ArrayList<Setpoint> setpoints = setpoints();
        Setpoint deciding = null;
        for (int i = 0; i < setpoints.size(); i++) {
            Setpoint s = setpoints.get(i);
            boolean held = s.level() <= previousLevel && s.direction() == previousDirection && !s.clearedBy(value);
            if ((s.crossedBy(value) || held) && (deciding == null || s.level() > deciding.level())) {
                deciding = s;
            }
        }
        if (deciding != null) {
            Setpoint next = nextLevel(setpoints, deciding);
            if (corroboratedBy != null && deciding.level() >= 1 && next != deciding) {
                return new Condition(
                        next.level(), next.colour(), next.direction(), deciding.threshold(), 0, corroboratedBy);
            }
            return new Condition(
                    deciding.level(),
                    deciding.colour(),
                    deciding.direction(),
                    deciding.threshold(),
                    deciding.debounceSeconds(),
                    deciding.rule());
        }
        if (earlyWarningBy != null && trendPerMinute > 0) {
            for (int i = 0; i < setpoints.size(); i++) {
                Setpoint s = setpoints.get(i);
                if (s.level() == 2 && s.direction() == Setpoint.Direction.HIGH && value < s.threshold()) {
                    double minutes = (s.threshold() - value) / trendPerMinute;
                    if (minutes <= earlyWarningMinutes) {
                        return new Condition(
                                EARLY_WARNING,
                                earlyWarningColour,
                                Setpoint.Direction.HIGH,
                                s.threshold(),
                                0,
                                earlyWarningBy);
                    }
                }
            }
        }
        return Condition.NONE;
    }

    private static Setpoint nextLevel(ArrayList<Setpoint> setpoints, Setpoint from) {
        Setpoint next = from;
        for (int i = 0; i < setpoints.size(); i++) {
            Setpoint s = setpoints.get(i);
            if (s.direction() == from.direction()
                    && s.level() > from.level()
                    && (next == from || s.level() < next.level())) {
                next = s;
            }
        }
        return next;
    }

    /** What the point's value means now: a level (or NORMAL), its colour and the rule that decided it. */
    record Condition(
            int level,
            String colour,
            Setpoint.Direction direction,
            Double threshold,
            double debounceSeconds,
            FiredRule rule) {

        static final Condition NONE = new Condition(NORMAL, null, null, null, 0, null);

        boolean normal() {
            return level == NORMAL;
        }
    }

    private final class Draft {
        private final FiredRule rule;
        // level and setpoint unboxed, with whether a row set them: a boxed value for each row of each reading
        private int level;
        private boolean hasLevel;
        private String colour;
        private String direction;
        private String basis;
        private double setpoint;
        private boolean hasSetpoint;
        private double deadband;
        private double debounce;
        private boolean reported;

        private Draft(FiredRule rule) {
            this.rule = rule;
        }

        private Setpoint resolve() {
            if (!hasLevel || !hasSetpoint || direction == null || basis == null || colour == null) {
                return problem(where() + " leaves the level, colour, direction, basis or setpoint blank");
            }
            Setpoint.Direction dir;
            switch (direction) {
                case "HIGH" -> dir = Setpoint.Direction.HIGH;
                case "LOW" -> dir = Setpoint.Direction.LOW;
                default -> {
                    return problem(where() + ": direction must be HIGH or LOW, not " + direction);
                }
            }
            double base;
            switch (basis) {
                case "ABSOLUTE" -> base = 100;
                case "PERCENT_OF_RATED" -> {
                    if (ratedLimit == null) {
                        return problem("the point has no rated limit, which " + where() + " refers to");
                    }
                    base = ratedLimit;
                }
                case "PERCENT_OF_OEL" -> {
                    if (oel == null) {
                        return problem("the point has no OEL, which " + where() + " refers to");
                    }
                    base = oel;
                }
                default -> {
                    return problem(
                            where() + ": basis must be ABSOLUTE, PERCENT_OF_RATED or PERCENT_OF_OEL, not " + basis);
                }
            }
            return new Setpoint(
                    level,
                    colour,
                    dir,
                    Setpoint.decimal(setpoint * base / 100),
                    Setpoint.decimal(deadband * base / 100),
                    debounce,
                    rule);
        }

        private String where() {
            return rule == null ? "a threshold row" : String.valueOf(rule.origin());
        }

        private Setpoint problem(String message) {
            if (!reported) {
                AlarmDecision.this.problem(message);
                reported = true;
            }
            return null;
        }
    }
}
