package org.safereg.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safereg.enterprise.RegionCodes;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.Text;
import org.springframework.stereotype.Service;

/** Validates what is asked and assembles the indicators from one aggregate query per indicator (and period end). */
@Service
class Indicators {

    static final List<String> SECTORS =
            List.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    /** More periods than this in one answer is refused: ten years of months. */
    static final int MAX_PERIODS = 120;

    private final IndicatorsMapper mapper;
    private final Clock clock;

    Indicators(IndicatorsMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    IndicatorsReport report(String granularityName, String from, String to, String region, String sector) {
        long started = System.nanoTime();
        Period.Granularity granularity = granularity(granularityName);
        String regionName = region(region);
        requireSector(sector);
        Period last = to == null ? Period.of(granularity, LocalDate.now(clock)) : period(granularity, "to", to);
        Period first = from == null ? back(granularity, last, 11) : period(granularity, "from", from);
        if (first.start().isAfter(last.start())) {
            throw InvalidInputException.forField(
                    "from", Text.of("indicators.from-after-to", "must not be after to ({0})", last.label()));
        }
        List<Period> periods = Period.between(granularity, first, last);
        if (periods.size() > MAX_PERIODS) {
            throw InvalidInputException.forField(
                    "from",
                    Text.of(
                            "indicators.too-many-periods",
                            "spans {0} periods; at most {1} at a time",
                            periods.size(),
                            MAX_PERIODS));
        }
        String prefix = RegionCodes.prefix(region);
        String g = granularity.name();
        LocalDate start = first.start();
        LocalDate end = last.end();

        Map<Integer, Map<String, Long>> accidentsByGrade = new HashMap<>();
        Map<Integer, Long> deaths = new HashMap<>();
        for (IndicatorsMapper.AccidentCount row :
                mapper.accidents(g, first.yearBefore(granularity).start(), end, prefix, sector)) {
            accidentsByGrade
                    .computeIfAbsent(row.bucket(), k -> new TreeMap<>())
                    .merge(row.grade(), row.accidents(), Long::sum);
            deaths.merge(row.bucket(), row.deaths() == null ? 0 : row.deaths(), Long::sum);
        }
        Map<Integer, IndicatorsMapper.Durations> rectification =
                byBucket(mapper.rectification(g, start, end, prefix, sector), IndicatorsMapper.Durations::bucket);
        Map<Integer, IndicatorsMapper.HazardCount> hazards =
                byBucket(mapper.hazardsFound(g, start, end, prefix, sector), IndicatorsMapper.HazardCount::bucket);
        Map<Integer, IndicatorsMapper.InspectionCount> inspections =
                byBucket(mapper.inspections(g, start, end, prefix, sector), IndicatorsMapper.InspectionCount::bucket);
        Map<Integer, IndicatorsMapper.AlarmCount> alarms =
                byBucket(mapper.alarms(g, start, end, prefix, sector), IndicatorsMapper.AlarmCount::bucket);
        long points = mapper.monitoringPoints(prefix, sector);
        long enterprises = mapper.enterprises(prefix, sector);
        LocalDate today = LocalDate.now(clock);
        // a period not over yet shows the distribution today
        List<IndicatorsMapper.PeriodEnd> ends = periods.stream()
                .map(p -> new IndicatorsMapper.PeriodEnd(
                        p.bucket(), p.end().isAfter(today) ? today.plusDays(1) : p.end()))
                .toList();
        Map<Integer, Map<String, Long>> credit =
                shares(mapper.creditAt(ends, prefix, sector), List.of("A", "B", "C", "D"));
        Map<Integer, Map<String, Long>> risk =
                shares(mapper.riskAt(ends, prefix, sector), List.of("RED", "ORANGE", "YELLOW", "BLUE"));

        List<IndicatorsReport.PeriodIndicators> rows = periods.stream()
                .map(p -> {
                    Map<String, Long> byGrade = accidentsByGrade.getOrDefault(p.bucket(), Map.of());
                    long total = sum(byGrade);
                    long yearBefore = sum(accidentsByGrade.getOrDefault(
                            p.yearBefore(granularity).bucket(), Map.of()));
                    IndicatorsMapper.Durations r = rectification.get(p.bucket());
                    IndicatorsMapper.HazardCount h = hazards.get(p.bucket());
                    IndicatorsMapper.InspectionCount i = inspections.get(p.bucket());
                    IndicatorsMapper.AlarmCount a = alarms.get(p.bucket());
                    return new IndicatorsReport.PeriodIndicators(
                            p.label(),
                            p.start(),
                            p.end(),
                            new IndicatorsReport.Accidents(
                                    total,
                                    deaths.getOrDefault(p.bucket(), 0L),
                                    byGrade,
                                    yearBefore,
                                    yearBefore == 0 ? null : ratio(total - yearBefore, yearBefore)),
                            r == null
                                    ? new IndicatorsReport.Rectification(0, null, null)
                                    : new IndicatorsReport.Rectification(r.counted(), decimal(r.mean()), r.p90()),
                            h == null
                                    ? new IndicatorsReport.Hazards(0, 0, null, 0)
                                    : new IndicatorsReport.Hazards(
                                            h.found(), h.selfReported(), ratio(h.selfReported(), h.found()), h.major()),
                            i == null
                                    ? new IndicatorsReport.Inspections(0, 0, null, 0, null)
                                    : new IndicatorsReport.Inspections(
                                            i.inspections(),
                                            i.inspectors(),
                                            ratio(i.inspections(), i.inspectors()),
                                            i.withViolations(),
                                            ratio(i.withViolations(), i.inspections())),
                            a == null
                                    ? new IndicatorsReport.Alarms(0, 0, null, null, points == 0 ? null : 0.0)
                                    : new IndicatorsReport.Alarms(
                                            a.raised(),
                                            a.acknowledged(),
                                            decimal(a.meanAck()),
                                            a.p90Ack(),
                                            ratio(a.raised(), points)),
                            credit.getOrDefault(p.bucket(), zeros(List.of("A", "B", "C", "D"))),
                            risk.getOrDefault(p.bucket(), zeros(List.of("RED", "ORANGE", "YELLOW", "BLUE"))));
                })
                .toList();
        return new IndicatorsReport(
                new IndicatorsReport.Scope(region, regionName, sector, g, first.label(), last.label()),
                enterprises,
                points,
                rows,
                (System.nanoTime() - started) / 1_000_000);
    }

    IndicatorsReport.HeatMap heatMap(String region, String sector) {
        String regionName = region(region);
        requireSector(sector);
        String prefix = RegionCodes.prefix(region);
        int subLength = prefix == null ? 4 : Math.min(6, prefix.length() + 2);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, Long>> levels = new LinkedHashMap<>();
        for (IndicatorsMapper.RegionLevel row : mapper.riskByRegion(subLength, prefix, sector)) {
            names.putIfAbsent(row.region(), row.regionName());
            levels.computeIfAbsent(row.region(), k -> new LinkedHashMap<>()).put(row.level(), row.enterprises());
        }
        List<IndicatorsReport.RegionRisk> regions = levels.entrySet().stream()
                .map(e -> {
                    long total = sum(e.getValue());
                    long high =
                            e.getValue().getOrDefault("RED", 0L) + e.getValue().getOrDefault("ORANGE", 0L);
                    return new IndicatorsReport.RegionRisk(
                            e.getKey(),
                            names.get(e.getKey()),
                            total,
                            e.getValue(),
                            total == 0 ? 0.0 : ratio(high, total));
                })
                .toList();
        return new IndicatorsReport.HeatMap(region, regionName, sector, regions);
    }

    private static Period.Granularity granularity(String name) {
        try {
            return Period.Granularity.valueOf(name == null ? "MONTH" : name.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.forField("granularity", Inputs.oneOf("MONTH, QUARTER, YEAR"));
        }
    }

    private static Period period(Period.Granularity granularity, String field, String label) {
        Period period = Period.parse(granularity, label);
        if (period == null) {
            throw InvalidInputException.forField(
                    field,
                    Text.of(
                            "indicators.period",
                            "must be a {0} written like {1}",
                            granularity.name(),
                            granularity.example));
        }
        return period;
    }

    private static Period back(Period.Granularity granularity, Period last, int periods) {
        Period p = last;
        for (int i = 0; i < periods; i++) {
            p = Period.of(granularity, p.start().minusDays(1));
        }
        return p;
    }

    /** The region's name; null for the whole province. */
    private String region(String region) {
        if (region == null) {
            return null;
        }
        if (!region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", Inputs.REGION_CODE);
        }
        String name = mapper.regionName(region);
        if (name == null) {
            throw InvalidInputException.forField(
                    "region", Text.of("indicators.unknown-region", "no region with this code is known"));
        }
        return name;
    }

    private static void requireSector(String sector) {
        if (sector != null && !SECTORS.contains(sector)) {
            throw InvalidInputException.forField("sector", Inputs.oneOf(String.join(", ", SECTORS)));
        }
    }

    /** Per period, the enterprises by tier or level, every one named in {@code order} (0 when none). */
    private static Map<Integer, Map<String, Long>> shares(List<IndicatorsMapper.PeriodShare> rows, List<String> order) {
        Map<Integer, Map<String, Long>> shares = new HashMap<>();
        for (IndicatorsMapper.PeriodShare row : rows) {
            shares.computeIfAbsent(row.bucket(), k -> zeros(order)).put(row.name(), row.enterprises());
        }
        return shares;
    }

    private static Map<String, Long> zeros(List<String> order) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        order.forEach(name -> zeros.put(name, 0L));
        return zeros;
    }

    private static <T> Map<Integer, T> byBucket(List<T> rows, java.util.function.ToIntFunction<T> bucket) {
        Map<Integer, T> map = new HashMap<>();
        rows.forEach(row -> map.put(bucket.applyAsInt(row), row));
        return map;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
