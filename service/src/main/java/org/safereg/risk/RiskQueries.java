package org.safereg.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleRow;
import org.safereg.enterprise.CreditCodes;
import org.safereg.enterprise.RegionCodes;
import org.safereg.readmodel.ReadModel;
import org.safereg.system.Inputs;
import org.safereg.system.InvalidInputException;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;

/** Answers risk questions from the read model, or from MySQL whenever the read model cannot. */
class RiskQueries {

    static final List<String> SECTORS =
            List.of("COAL_MINE", "NON_COAL_MINE", "HAZARDOUS_CHEMICALS", "METAL_SMELTING", "CONSTRUCTION", "OTHER");
    /** Open hazard descriptions named per heat-map cell. */
    static final int MAIN_HAZARDS = 3;

    /** Hazard types named per heat-map cell. */
    static final int MAIN_HAZARD_TYPES = 3;

    private static final TypeReference<RiskFacts> INPUTS = new TypeReference<>() {};
    private static final TypeReference<List<RiskReason>> REASONS = new TypeReference<>() {};

    private final ReadModel<RiskRecord> readModel;
    private final RiskMapper mapper;
    private final RuleCatalog rules;
    private final ObjectMapper json;

    RiskQueries(ReadModel<RiskRecord> readModel, RiskMapper mapper, RuleCatalog rules, ObjectMapper json) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.rules = rules;
        this.json = json;
    }

    RiskView risk(String creditCode) {
        requireWellFormed(creditCode);
        var cached = readModel.read(creditCode);
        if (cached.isPresent()) {
            return view(cached.get(), readModel.kind());
        }
        RiskRecord stored = mapper.findByCreditCode(creditCode);
        if (stored == null) {
            if (mapper.enterpriseExists(creditCode)) {
                throw new NotFoundException(Text.of(
                        "risk.not-evaluated",
                        "The risk level of enterprise {0} has not been evaluated yet; it appears after the next risk"
                                + " evaluation.",
                        creditCode));
            }
            throw unknown(creditCode);
        }
        return view(stored, "mysql");
    }

    private RiskView view(RiskRecord record, String servedFrom) {
        List<Integer> ordinals = storedProvenance(record).ordinals();
        List<RiskReason> reasons = read(record, record.reasons(), REASONS);
        List<RuleRow> fired = rules.describe(record.ruleSetVersion(), ordinals);
        Map<Integer, RuleRow> byOrdinal = new LinkedHashMap<>();
        fired.forEach(rule -> byOrdinal.put(rule.ordinal(), rule));
        List<RiskView.Reason> reasonViews = reasons.stream()
                .map(r -> new RiskView.Reason(
                        r.level(),
                        r.fact(),
                        r.detail(),
                        r.level().equals(record.level()),
                        rule(byOrdinal.get(r.rule()))))
                .toList();
        ProvenanceView provenance = new ProvenanceView(
                record.ruleSetVersion(),
                fired.stream().map(ProvenanceView.Rule::of).toList());
        return new RiskView(
                record.creditCode(),
                record.level(),
                reasonViews,
                read(record, record.inputs(), INPUTS),
                provenance.rules(),
                record.ruleSetVersion(),
                record.evaluatedAt(),
                servedFrom,
                provenance);
    }

    private static ProvenanceView.Rule rule(RuleRow row) {
        return row == null ? null : ProvenanceView.Rule.of(row);
    }

    private static Provenance storedProvenance(RiskRecord record) {
        try {
            return Provenance.stored(record.ruleSetVersion(), record.firedRules());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored fired rules of " + record.creditCode() + " are not readable", e);
        }
    }

    private <T> T read(RiskRecord record, String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored risk result of " + record.creditCode() + " is not readable", e);
        }
    }

    List<RiskHistoryView> history(String creditCode, int limit) {
        requireWellFormed(creditCode);
        List<RiskHistoryRow> rows = mapper.historyOf(creditCode, limit);
        if (rows.isEmpty() && !mapper.enterpriseExists(creditCode)) {
            throw unknown(creditCode);
        }
        return rows.stream().map(RiskHistoryView::of).toList();
    }

    /** A page of current risk levels; {@code region} is any administrative level (its sub-regions included). */
    RiskPage list(String level, String region, String sector, String after, int limit) {
        requireLevel(level);
        requireRegion(region);
        requireSector(sector);
        if (after != null) {
            requireWellFormed(after);
        }
        List<RiskSummary> items = mapper.listResults(level, RegionCodes.prefix(region), sector, after, limit);
        String next = items.size() == limit ? items.get(items.size() - 1).creditCode() : null;
        return new RiskPage(items, next);
    }

    /**
     * Enterprises per risk level, sub-region (the cities of a province, the counties of a city; a county is
     * its own) and sector, each cell with its most frequent open hazards.
     */
    HeatMap heatMap(String region) {
        requireRegion(region);
        String prefix = RegionCodes.prefix(region);
        int subLength = prefix == null ? 4 : Math.min(6, prefix.length() + 2);
        Map<String, List<HeatMapRow>> hazards = new LinkedHashMap<>();
        for (HeatMapRow row : mapper.heatMapHazards(prefix, subLength)) {
            hazards.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        Map<String, List<HeatMapTypeRow>> types = new LinkedHashMap<>();
        for (HeatMapTypeRow row : mapper.heatMapHazardTypes(prefix, subLength)) {
            types.computeIfAbsent(row.region() + '/' + row.sector() + '/' + row.level(), k -> new ArrayList<>())
                    .add(row);
        }
        Map<RiskLevel, Integer> totals = new EnumMap<>(RiskLevel.class);
        List<HeatMap.Cell> cells = new ArrayList<>();
        for (HeatMapRow row : mapper.heatMapCounts(prefix, subLength)) {
            totals.merge(RiskLevel.valueOf(row.level()), row.count(), Integer::sum);
            List<HeatMap.Hazard> main = hazards.getOrDefault(key(row), List.of()).stream()
                    .sorted(Comparator.comparingInt(HeatMapRow::count)
                            .reversed()
                            .thenComparing(HeatMapRow::description))
                    .limit(MAIN_HAZARDS)
                    .map(h -> new HeatMap.Hazard(h.description(), h.count()))
                    .toList();
            List<HeatMap.HazardType> mainTypes = types.getOrDefault(key(row), List.of()).stream()
                    .sorted(Comparator.comparingInt(HeatMapTypeRow::enterprises)
                            .thenComparingInt(HeatMapTypeRow::openHazards)
                            .reversed()
                            .thenComparing(HeatMapTypeRow::typeCode))
                    .limit(MAIN_HAZARD_TYPES)
                    .map(t -> new HeatMap.HazardType(t.typeCode(), t.typeName(), t.enterprises(), t.openHazards()))
                    .toList();
            cells.add(new HeatMap.Cell(
                    row.region(), row.regionName(), row.sector(), row.level(), row.count(), main, mainTypes));
        }
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        for (RiskLevel level : List.of(RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE)) {
            byLevel.put(level.name(), totals.getOrDefault(level, 0));
        }
        return new HeatMap(region, region == null ? null : mapper.regionName(region), byLevel, cells);
    }

    private static String key(HeatMapRow row) {
        return row.region() + '/' + row.sector() + '/' + row.level();
    }

    private static void requireLevel(String level) {
        if (level != null && !RiskLevel.isLevel(level)) {
            throw InvalidInputException.forField("level", Inputs.oneOf("RED, ORANGE, YELLOW, BLUE"));
        }
    }

    private static void requireRegion(String region) {
        if (region != null && !region.matches("\\d{6}")) {
            throw InvalidInputException.forField("region", Inputs.REGION_CODE);
        }
    }

    private static void requireSector(String sector) {
        if (sector != null && !SECTORS.contains(sector)) {
            throw InvalidInputException.forField("sector", Inputs.oneOf(String.join(", ", SECTORS)));
        }
    }

    private static NotFoundException unknown(String creditCode) {
        return new NotFoundException(Inputs.unknownEnterprise(creditCode));
    }

    static void requireWellFormed(String creditCode) {
        Text problem = CreditCodes.problemOf(creditCode);
        if (problem != null) {
            throw new InvalidInputException(CreditCodes.notACode(creditCode, problem));
        }
    }

    record RiskPage(List<RiskSummary> items, String next) {}
}
