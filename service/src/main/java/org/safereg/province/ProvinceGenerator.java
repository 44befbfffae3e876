package org.safereg.province;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.safereg.enterprise.CreditCodes;

/**
 * Makes up one enterprise after another together with its facts over the 36 months before the as-of date,
 * and hands the rows to the writers. Everything an enterprise gets follows from a hidden diligence between 0
 * and 1: diligent enterprises rectify on time, train everyone, hold their drills and rarely break the law or
 * have accidents, so the credit tiers come out spread the way they are in a real province.
 *
 * <p>Each enterprise draws from its own random stream derived from the seed and its position, so that its
 * rows do not depend on how the generation is split into transactions; only the rare events drawn by
 * {@link Quota} depend on the enterprises before it.
 */
final class ProvinceGenerator {

    static final int MONTHS_OF_FACTS = 36;

    private static final double YEARS = MONTHS_OF_FACTS / 12.0;
    private static final Sector[] SECTORS = Sector.values();
    private static final int ORGANISATION_CODE_SPACE = 100_000_000;

    // Yearly accident rates per enterprise across the province (一般 / 较大 / 重大).
    private static final double GENERAL_PER_YEAR = 0.02;
    private static final double LARGER_PER_YEAR = 0.002;
    private static final double SERIOUS_PER_YEAR = 0.0002;
    /** Enterprises with two larger accidents within 12 months (a veto), beyond those who get them by chance. */
    private static final double LARGER_PAIRS = 0.0008;
    /** Mean of the accident risk factor over the province, so that the rates above hold on average. */
    private static final double MEAN_ACCIDENT_RISK = 1.05;

    private final long seed;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private final int windowDays;
    private final LocalDateTime createdAt;
    private final ProvinceRegions regions;
    private final ProvinceWriters out;
    private final long codeMultiplier;
    private final long codeOffset;
    private final Quota largerAccidents;
    private final Quota largerPairs;
    private final Quota seriousAccidents;
    private final Quota concealments;
    private final Quota recentMultipleFines;
    private final Quota olderMultipleFines;

    private long nextHazardId = 1;
    private long nextViolationId = 1;
    private long nextDrillId = 1;
    private long nextAccidentId = 1;

    ProvinceGenerator(long seed, LocalDate asOf, ProvinceRegions regions, ProvinceWriters out) {
        this.seed = seed;
        this.asOf = asOf;
        this.windowStart = asOf.minusMonths(MONTHS_OF_FACTS);
        this.windowDays = (int) ChronoUnit.DAYS.between(windowStart, asOf);
        // the enterprises have been on the register since before their oldest fact
        this.createdAt = windowStart.atStartOfDay();
        this.regions = regions;
        this.out = out;
        SplittableRandom province = new SplittableRandom(mix(seed));
        // a multiplier coprime to 10^8 makes index -> code a bijection: organisation codes never repeat
        long multiplier = 1 + 2 * province.nextLong(ORGANISATION_CODE_SPACE / 2);
        while (multiplier % 5 == 0) {
            multiplier += 2;
        }
        this.codeMultiplier = multiplier;
        this.codeOffset = province.nextLong(ORGANISATION_CODE_SPACE);
        this.largerAccidents = new Quota(province.nextDouble());
        this.largerPairs = new Quota(province.nextDouble());
        this.seriousAccidents = new Quota(province.nextDouble());
        this.concealments = new Quota(province.nextDouble());
        this.recentMultipleFines = new Quota(province.nextDouble());
        this.olderMultipleFines = new Quota(province.nextDouble());
    }

    void regions() {
        for (Region region : regions.all()) {
            out.regions.add(region.code(), region.name(), region.level(), region.parentCode());
        }
    }

    /** Enterprise number {@code index} (0-based), stored with id {@code index + 1}. */
    void enterprise(int index) {
        long id = index + 1L;
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(id)));
        Sector sector = pickSector(random);
        Region county = regions.pickCounty(sector, random);
        Scale scale = Scale.pick(sector.scaleMix, random);
        int employees = scale.employees(random);
        double diligence = clamp(0.64 + scale.diligenceBonus + 0.20 * random.nextGaussian(), 0.02, 0.99);
        Integer majorHazardLevel = majorHazardLevel(sector, scale, random);
        Integer grade = standardisationGrade(sector, scale, diligence, random);
        String licence = licence(sector, diligence, random);
        String creditCode = creditCode(county, index);
        String name = Texts.enterpriseName(county.name().substring(0, 2), sector, scale, random);
        out.enterprises.add(
                id,
                creditCode,
                name,
                county.code(),
                sector.name(),
                scale.name(),
                employees,
                majorHazardLevel,
                grade,
                licence,
                createdAt);

        hazards(id, sector, scale, diligence, random);
        violations(id, sector, diligence, random);
        trainings(id, employees, diligence, random);
        drills(id, diligence, random);
        accidents(id, sector, scale, diligence, random);
    }

    private static Sector pickSector(SplittableRandom random) {
        double r = random.nextDouble();
        for (int i = 0; i < SECTORS.length - 1; i++) {
            r -= SECTORS[i].share;
            if (r < 0) {
                return SECTORS[i];
            }
        }
        return SECTORS[SECTORS.length - 1];
    }

    private static Integer majorHazardLevel(Sector sector, Scale scale, SplittableRandom random) {
        double sizeFactor =
                switch (scale) {
                    case LARGE -> 1.8;
                    case MEDIUM -> 1.3;
                    case SMALL -> 0.9;
                    case MICRO -> 0.4;
                };
        if (random.nextDouble() >= sector.majorHazardSourceShare * sizeFactor) {
            return null;
        }
        // GB 18218 levels: level 4 sources are the most numerous, level 1 the fewest
        double r = random.nextDouble();
        return r < 0.08 ? 1 : r < 0.25 ? 2 : r < 0.55 ? 3 : 4;
    }

    private static Integer standardisationGrade(Sector sector, Scale scale, double diligence, SplittableRandom random) {
        double standing = diligence + scale.diligenceBonus + 0.1 * random.nextGaussian();
        boolean bigEnough = scale == Scale.LARGE || scale == Scale.MEDIUM;
        // high-risk sectors are pushed to grade by their regulators; elsewhere grading is voluntary
        boolean pushed = sector.licensed || sector.isProcessIndustry();
        double[] cutOffs = pushed ? new double[] {0.97, 0.82, 0.50} : new double[] {1.00, 0.90, 0.72};
        if (standing > cutOffs[0] && bigEnough) {
            return 1;
        }
        if (standing > cutOffs[1]) {
            return 2;
        }
        return standing > cutOffs[2] ? 3 : null;
    }

    private static String licence(Sector sector, double diligence, SplittableRandom random) {
        if (!sector.licensed) {
            return "NOT_REQUIRED";
        }
        double negligence = 1 - diligence;
        if (random.nextDouble() >= 0.01 + 0.15 * negligence * negligence) {
            return "VALID";
        }
        double r = random.nextDouble();
        return r < 0.5 ? "SUSPENDED" : r < 0.75 ? "NONE" : "REVOKED";
    }

    /**
     * 91 (registered by the market regulator, an enterprise), the county's division code, a 9-character
     * organisation code with its GB 11714 check character, then the GB 32100 check character.
     */
    private String creditCode(Region county, int index) {
        long body = Math.floorMod(codeMultiplier * index + codeOffset, (long) ORGANISATION_CODE_SPACE);
        String organisation = "%08d".formatted(body);
        return CreditCodes.withCheckDigit("91" + county.code() + organisation + organisationCheck(organisation));
    }

    private static char organisationCheck(String body) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Character.digit(body.charAt(i), 36) * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private void hazards(long id, Sector sector, Scale scale, double diligence, SplittableRandom random) {
        double sizeFactor =
                switch (scale) {
                    case LARGE -> 2.0;
                    case MEDIUM -> 1.4;
                    case SMALL -> 1.0;
                    case MICRO -> 0.6;
                };
        int count = poisson(YEARS * sector.hazardsPerYear * sizeFactor, random);
        double negligence = 1 - diligence;
        for (int i = 0; i < count; i++) {
            LocalDate found = dayInWindow(random);
            boolean major = random.nextDouble() < sector.majorShare * (0.4 + 2.0 * negligence);
            // diligent enterprises find their own hazards; the others' are found for them
            double selfCheck = major ? 0.1 + 0.4 * diligence : 0.25 + 0.6 * diligence;
            String source = random.nextDouble() < selfCheck
                    ? "SELF_CHECK"
                    : random.nextDouble() < 0.4 ? "PLATFORM_SCREENING" : "DEPARTMENT_VERIFICATION";
            // general hazards are fixed at once; a major one gets a posted-supervision deadline (at most a year)
            LocalDate deadline = found.plusDays(major ? 30 + random.nextInt(151) : 1 + random.nextInt(15));
            double onTime = major ? 0.35 + 0.64 * diligence : 0.70 + 0.29 * diligence;
            LocalDate rectified;
            if (random.nextDouble() < onTime) {
                rectified = found.plusDays(random.nextLong(ChronoUnit.DAYS.between(found, deadline) + 1));
            } else if (random.nextDouble() < (major ? 0.7 : 0.9)) {
                rectified = deadline.plusDays(1 + random.nextInt(major ? 120 : 45));
            } else {
                rectified = null;
            }
            if (rectified != null && rectified.isAfter(asOf)) {
                rectified = null;
            }
            // acceptance within 10 days of the rectification; some general ones are never formally accepted
            LocalDate verified = null;
            if (rectified != null && (major || random.nextDouble() < 0.85)) {
                LocalDate check = rectified.plusDays(1 + random.nextInt(10));
                verified = check.isAfter(asOf) ? null : check;
            }
            out.hazards.add(
                    nextHazardId++,
                    id,
                    source,
                    major ? "MAJOR" : "GENERAL",
                    Texts.hazardDescription(major, diligence, random),
                    found,
                    deadline,
                    rectified,
                    verified);
            if (major && (rectified == null || rectified.isAfter(deadline))) {
                unrectifiedHazardFine(id, deadline, random);
            }
        }
    }

    /** A major hazard not eliminated by its deadline earns a fine under Art. 102 when an inspector finds it. */
    private void unrectifiedHazardFine(long id, LocalDate deadline, SplittableRandom random) {
        LocalDate finedOn = deadline.plusDays(5 + random.nextInt(40));
        if (random.nextDouble() < 0.6 && !finedOn.isAfter(asOf)) {
            Texts.ViolationKind kind = Texts.UNRECTIFIED_HAZARD;
            out.violations.add(
                    nextViolationId++,
                    id,
                    finedOn,
                    kind.description(),
                    kind.article(),
                    fine(kind.maxFine(), random),
                    null);
        }
    }

    private void violations(long id, Sector sector, double diligence, SplittableRandom random) {
        double sectorFactor = sector.isMine() ? 1.5 : sector == Sector.OTHER ? 0.7 : 1.2;
        double negligence = 1 - diligence;
        int count = poisson(YEARS * sectorFactor * (0.04 + 1.5 * negligence * negligence), random);
        for (int i = 0; i < count; i++) {
            Texts.ViolationKind kind = Texts.violation(random);
            out.violations.add(
                    nextViolationId++,
                    id,
                    dayInWindow(random),
                    kind.description(),
                    kind.article(),
                    fine(kind.maxFine(), random),
                    null);
        }
    }

    /** The two calendar years before the as-of date's: the latest complete training years. */
    private void trainings(long id, int employees, double diligence, SplittableRandom random) {
        int latest = asOf.getYear() - 1;
        double negligence = 1 - diligence;
        for (int year = latest - 1; year <= latest; year++) {
            int required = year == latest
                    ? employees
                    : Math.max(1, (int) Math.round(employees * (0.9 + 0.15 * random.nextDouble())));
            double coverage = clamp(0.45 + 0.6 * diligence + 0.06 * random.nextGaussian(), 0, 1);
            // some careless enterprises keep no training record at all
            if (random.nextDouble() < 0.1 * negligence * negligence) {
                continue;
            }
            out.trainings.add(id, year, required, (int) Math.round(required * coverage));
        }
    }

    /** A plan of 2 to 4 drills each calendar year, the first a comprehensive one, clipped to the window. */
    private void drills(long id, double diligence, SplittableRandom random) {
        double negligence = 1 - diligence;
        if (random.nextDouble() < 0.25 * negligence * negligence) {
            return; // 应急演练缺失: no drill plan at all
        }
        double completion = 0.25 + 0.73 * diligence;
        for (int year = windowStart.getYear(); year <= asOf.getYear(); year++) {
            LocalDate january = LocalDate.of(year, 1, 1);
            int[] days = new int[2 + random.nextInt(3)];
            for (int i = 0; i < days.length; i++) {
                days[i] = random.nextInt(january.lengthOfYear());
            }
            Arrays.sort(days);
            for (int i = 0; i < days.length; i++) {
                LocalDate planned = january.plusDays(days[i]);
                String kind = i == 0 ? "COMPREHENSIVE" : random.nextBoolean() ? "SPECIAL" : "ON_SITE";
                LocalDate completed = random.nextDouble() < completion ? planned.plusDays(random.nextInt(8)) : null;
                if (planned.isAfter(windowStart) && !planned.isAfter(asOf)) {
                    out.drills.add(
                            nextDrillId++,
                            id,
                            kind,
                            planned,
                            completed == null || completed.isAfter(asOf) ? null : completed);
                }
            }
        }
    }

    private void accidents(long id, Sector sector, Scale scale, double diligence, SplittableRandom random) {
        double sizeFactor =
                switch (scale) {
                    case LARGE -> 3.0;
                    case MEDIUM -> 1.8;
                    case SMALL -> 1.0;
                    case MICRO -> 0.5;
                };
        double negligence = 1 - diligence;
        double risk = sector.accidentRisk * sizeFactor * (0.3 + 2.0 * Math.pow(negligence, 1.5)) / MEAN_ACCIDENT_RISK;
        int general = poisson(YEARS * GENERAL_PER_YEAR * risk, random);
        for (int i = 0; i < general; i++) {
            accident(id, sector, AccidentGrade.GENERAL, dayInWindow(random), random);
        }
        if (largerAccidents.draw(Math.min(0.99, YEARS * LARGER_PER_YEAR * risk))) {
            accident(id, sector, AccidentGrade.LARGER, dayInWindow(random), random);
        }
        if (largerPairs.draw(Math.min(0.99, LARGER_PAIRS * risk))) {
            // both inside the last 12 months, whatever way the months are counted
            accident(id, sector, AccidentGrade.LARGER, asOf.minusDays(random.nextInt(300)), random);
            accident(id, sector, AccidentGrade.LARGER, asOf.minusDays(random.nextInt(300)), random);
        }
        if (seriousAccidents.draw(Math.min(0.99, YEARS * SERIOUS_PER_YEAR * risk))) {
            accident(id, sector, AccidentGrade.SERIOUS, dayInWindow(random), random);
        }
    }

    private void accident(long id, Sector sector, AccidentGrade grade, LocalDate on, SplittableRandom random) {
        int deaths = grade.deaths(random);
        boolean concealed = concealments.draw(grade == AccidentGrade.GENERAL ? 0.03 : 0.05);
        out.accidents.add(
                nextAccidentId++,
                id,
                on,
                grade.name(),
                deaths,
                concealed,
                Texts.accidentDescription(sector, grade.word, deaths, random));
        // the investigation of a reported accident fines the enterprise responsible under Art. 114
        LocalDate finedOn = on.plusDays(30 + random.nextInt(120));
        if (concealed || finedOn.isAfter(asOf) || random.nextDouble() >= 0.85) {
            return;
        }
        boolean recent = finedOn.isAfter(asOf.minusMonths(12));
        Quota multiples = recent ? recentMultipleFines : olderMultipleFines;
        // 2-5 times the fine when the circumstances are especially serious (情节特别严重、影响特别恶劣)
        BigDecimal multiple = multiples.draw(grade == AccidentGrade.GENERAL ? 0.06 : 0.25)
                ? BigDecimal.valueOf(2 + random.nextInt(4)).setScale(1)
                : null;
        BigDecimal amount = grade.fine(random);
        if (multiple != null) {
            amount = amount.multiply(multiple).setScale(2);
        }
        out.violations.add(
                nextViolationId++, id, finedOn, Texts.art114Description(grade.word), Texts.ART_114, amount, multiple);
    }

    private LocalDate dayInWindow(SplittableRandom random) {
        return windowStart.plusDays(1 + random.nextInt(windowDays));
    }

    /** A fine up to the article's ceiling, in whole thousands of yuan. */
    private static BigDecimal fine(int max, SplittableRandom random) {
        return BigDecimal.valueOf(1000L * (1 + random.nextInt(max / 1000))).setScale(2);
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The SplitMix64 finaliser: spreads consecutive seeds over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Accident grades of the Regulations on Reporting and Investigation of Production Safety Accidents. */
    enum AccidentGrade {
        GENERAL("一般", 200_000, 1_000_000),
        LARGER("较大", 1_000_000, 2_000_000),
        SERIOUS("重大", 2_000_000, 10_000_000);

        final String word;
        private final int minFine;
        private final int maxFine;

        AccidentGrade(String word, int minFine, int maxFine) {
            this.word = word;
            this.minFine = minFine;
            this.maxFine = maxFine;
        }

        /** Deaths within the grade's band; a larger accident may also be one by injuries or loss alone. */
        int deaths(SplittableRandom random) {
            double r = random.nextDouble();
            return switch (this) {
                case GENERAL -> r < 0.7 ? 0 : r < 0.95 ? 1 : 2;
                case LARGER -> r < 0.15 ? random.nextInt(3) : 3 + random.nextInt(7);
                case SERIOUS -> 10 + random.nextInt(20);
            };
        }

        /** Art. 114's range for the grade, in tens of thousands of yuan. */
        BigDecimal fine(SplittableRandom random) {
            int steps = (maxFine - minFine) / 10_000;
            return BigDecimal.valueOf(minFine + 10_000L * random.nextInt(steps + 1))
                    .setScale(2);
        }
    }
}
