package org.safereg.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.safereg.engine.FiredRule;
import org.safereg.engine.RuleInProgress;
import org.safereg.system.Text;

/**
 * The output fact for one class of enterprises (sector, credit tier, standardisation grade, risk level):
 * the rows of inspection-frequency.xlsx that match it set how often such an enterprise is inspected and
 * whether it is under key supervision or in the random pool. Each table must match exactly once; a gap or
 * an overlap is a policy problem, reported with the class. Not thread-safe: one per class and evaluation.
 */
public final class InspectionFrequency {

    static final String FREQUENCY_TABLE = "Frequency";
    static final String SUPERVISION_TABLE = "Supervision";

    private final String sector;
    private final String creditTier;
    private final String grade;
    private final String riskLevel;

    private Integer maxPerYear;
    private Integer minPerYear;
    private String supervision;
    private Double samplingRatio;
    private Integer minIntervalDays;
    private final List<FiredRule> frequencyRules = new ArrayList<>();
    private final List<FiredRule> supervisionRules = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    InspectionFrequency(String sector, String creditTier, String grade, String riskLevel) {
        this.sector = sector;
        this.creditTier = creditTier;
        this.grade = grade;
        this.riskLevel = riskLevel;
    }

    InspectionFrequency(EnterpriseClass of) {
        this(of.sector(), of.creditTier(), of.grade(), of.riskLevel());
    }

    public String getSector() {
        return sector;
    }

    public String getCreditTier() {
        return creditTier;
    }

    /** "1", "2", "3" or "UNGRADED". */
    public String getGrade() {
        return grade;
    }

    public String getRiskLevel() {
        return riskLevel;
    }

    // --- conditions: a cell lists one or more values separated by commas ---

    public boolean sectorIn(String values) {
        return listed(values, sector);
    }

    public boolean creditTierIn(String values) {
        return listed(values, creditTier);
    }

    public boolean gradeIn(String values) {
        return listed(values, grade);
    }

    public boolean riskIn(String values) {
        return listed(values, riskLevel);
    }

    private static boolean listed(String values, String value) {
        return Arrays.stream(values.split("[,，、]"))
                .map(v -> v.trim().toUpperCase(Locale.ROOT))
                .anyMatch(v -> v.equals(value));
    }

    // --- actions of the Frequency table ---

    public void maxPerYear(double value) {
        frequencyRules.add(current());
        maxPerYear = whole(value, "max inspections per year");
    }

    // --- actions of the Supervision table ---

    public void supervision(String value) {
        supervisionRules.add(current());
        String mode = value.trim().toUpperCase(Locale.ROOT);
        if (!mode.equals("KEY") && !mode.equals("RANDOM")) {
            problems.add("supervision '" + value + "' is neither KEY nor RANDOM");
        }
        supervision = mode;
    }

    public void minPerYear(double value) {
        minPerYear = whole(value, "min inspections per year");
    }

    public void samplingRatio(double value) {
        if (value < 0 || value > 1) {
            problems.add("sampling ratio " + value + " is not between 0 and 1");
        }
        samplingRatio = value;
    }

    public void minIntervalDays(double value) {
        minIntervalDays = whole(value, "minimum interval (days)");
    }

    private int whole(double value, String what) {
        if (value != Math.rint(value) || value < 0) {
            problems.add(what + " " + value + " is not a whole number of at least 0");
        }
        return (int) value;
    }

    private static FiredRule current() {
        return RuleInProgress.current().orElse(null);
    }

    /** What the tables decided for this class, or the problems that stop it from being used. */
    Frequency decide() {
        List<String> all = new ArrayList<>(problems);
        if (frequencyRules.isEmpty()) {
            all.add("no row of the " + FREQUENCY_TABLE + " table matches");
        } else if (frequencyRules.size() > 1) {
            all.add("several rows of the " + FREQUENCY_TABLE + " table match: " + frequencyRules);
        }
        if (supervisionRules.isEmpty()) {
            all.add("no row of the " + SUPERVISION_TABLE + " table matches");
        } else if (supervisionRules.size() > 1) {
            all.add("several rows of the " + SUPERVISION_TABLE + " table match: " + supervisionRules);
        }
        boolean key = "KEY".equals(supervision);
        if (all.isEmpty() && key && minPerYear == null) {
            all.add("a KEY row needs min inspections per year");
        }
        if (all.isEmpty() && !key && samplingRatio == null) {
            all.add("a RANDOM row needs a sampling ratio");
        }
        if (!all.isEmpty()) {
            // what the table lacks is said as its authors write rules: in English
            throw new PolicyGapException(Text.of(
                    "inspection.cannot-decide",
                    "inspection-frequency.xlsx cannot decide for sector {0}, credit tier {1}, grade {2}, risk {3}: {4}",
                    sector,
                    creditTier,
                    grade,
                    riskLevel,
                    String.join("; ", all)));
        }
        List<FiredRule> rules = new ArrayList<>(frequencyRules);
        rules.addAll(supervisionRules);
        int max = maxPerYear;
        // a key-supervision minimum never exceeds the sector row's maximum
        int min = key ? Math.min(max, minPerYear) : 0;
        return new Frequency(
                key,
                max,
                min,
                key ? 0 : samplingRatio,
                minIntervalDays == null ? 0 : minIntervalDays,
                List.copyOf(rules));
    }
}
