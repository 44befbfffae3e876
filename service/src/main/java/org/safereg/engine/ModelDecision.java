package org.safereg.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a DMN model decided: the provenance (the rule-set version and the decision-table rules that matched, as
 * ordinals of the version's rule catalog) and each decision's result by decision name, as plain Java values
 * (BigDecimal, String, Boolean, List, Map, LocalDate ...).
 */
public record ModelDecision(Provenance provenance, Map<String, Object> results) {

    public ModelDecision {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
}
