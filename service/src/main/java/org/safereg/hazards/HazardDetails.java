package org.safereg.hazards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.Provenance;
import org.safereg.engine.ProvenanceView;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleRow;

/** Hazards as the API shows them, with their types, classification and screening: three reads per page of hazards. */
class HazardDetails {

    private final HazardMapper mapper;
    private final RuleCatalog rules;

    HazardDetails(HazardMapper mapper, RuleCatalog rules) {
        this.mapper = mapper;
        this.rules = rules;
    }

    List<HazardView> views(List<HazardRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(HazardRow::id).toList();
        Map<Long, ClassificationRows.Classification> classifications = new HashMap<>();
        mapper.classificationsOf(ids).forEach(c -> classifications.put(c.hazardId(), c));
        Map<Long, List<ClassificationRows.TypeMatch>> types = new HashMap<>();
        mapper.typesOf(ids).forEach(t -> types.computeIfAbsent(t.hazardId(), k -> new ArrayList<>())
                .add(t));
        Map<Long, ClassificationRows.Flag> flags = new HashMap<>();
        mapper.flagsOf(ids).forEach(f -> flags.put(f.hazardId(), f));
        Map<String, Map<Integer, ProvenanceView.Rule>> named = name(classifications, types, flags);

        List<HazardView> views = new ArrayList<>(rows.size());
        for (HazardRow row : rows) {
            ClassificationRows.Classification c = classifications.get(row.id());
            if (c == null) {
                views.add(HazardView.of(row, today));
                continue;
            }
            Map<Integer, ProvenanceView.Rule> byOrdinal = named.getOrDefault(c.ruleSetVersion(), Map.of());
            Provenance provenance = Provenance.stored(c.ruleSetVersion(), c.firedRules());
            ProvenanceView classification = new ProvenanceView(
                    c.ruleSetVersion(),
                    provenance.ordinals().stream()
                            .map(byOrdinal::get)
                            .filter(r -> r != null)
                            .toList());
            List<HazardView.Type> typeViews = types.getOrDefault(row.id(), List.of()).stream()
                    .map(t -> new HazardView.Type(
                            t.typeCode(),
                            t.typeName(),
                            t.grade(),
                            t.criterion(),
                            t.words(),
                            t.ruleOrdinal() == null ? null : byOrdinal.get(t.ruleOrdinal())))
                    .toList();
            ClassificationRows.Flag f = flags.get(row.id());
            HazardView.Screening screening = f == null
                    ? null
                    : new HazardView.Screening(
                            f.criterion(),
                            f.typeCode(),
                            f.words(),
                            first(named.getOrDefault(f.ruleSetVersion(), Map.of()), f),
                            f.flaggedAt(),
                            f.resolution(),
                            f.resolvedBy(),
                            f.resolvedAt());
            views.add(HazardView.of(row, today, typeViews, c.suggestedGrade(), classification, screening));
        }
        return views;
    }

    /** The rules every stored ordinal names, by version: one catalog read per version on the page. */
    private Map<String, Map<Integer, ProvenanceView.Rule>> name(
            Map<Long, ClassificationRows.Classification> classifications,
            Map<Long, List<ClassificationRows.TypeMatch>> types,
            Map<Long, ClassificationRows.Flag> flags) {
        Map<String, List<Integer>> wanted = new LinkedHashMap<>();
        classifications.values().forEach(c -> wanted.computeIfAbsent(c.ruleSetVersion(), v -> new ArrayList<>())
                .addAll(Provenance.stored(c.ruleSetVersion(), c.firedRules()).ordinals()));
        types.forEach((hazard, list) -> {
            ClassificationRows.Classification c = classifications.get(hazard);
            if (c != null) {
                list.stream().filter(t -> t.ruleOrdinal() != null).forEach(t -> wanted.computeIfAbsent(
                                c.ruleSetVersion(), v -> new ArrayList<>())
                        .add(t.ruleOrdinal()));
            }
        });
        flags.values().forEach(f -> wanted.computeIfAbsent(f.ruleSetVersion(), v -> new ArrayList<>())
                .addAll(Provenance.stored(f.ruleSetVersion(), f.firedRules()).ordinals()));
        Map<String, Map<Integer, ProvenanceView.Rule>> named = new HashMap<>();
        wanted.forEach((version, ordinals) -> {
            Map<Integer, ProvenanceView.Rule> byOrdinal = new HashMap<>();
            for (RuleRow rule :
                    rules.describe(version, ordinals.stream().distinct().toList())) {
                byOrdinal.put(rule.ordinal(), ProvenanceView.Rule.of(rule));
            }
            named.put(version, byOrdinal);
        });
        return named;
    }

    private static ProvenanceView.Rule first(Map<Integer, ProvenanceView.Rule> byOrdinal, ClassificationRows.Flag f) {
        List<Integer> ordinals =
                Provenance.stored(f.ruleSetVersion(), f.firedRules()).ordinals();
        return ordinals.isEmpty() ? null : byOrdinal.get(ordinals.get(0));
    }
}
