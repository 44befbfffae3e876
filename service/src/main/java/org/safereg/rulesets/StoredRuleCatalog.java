package org.safereg.rulesets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safereg.engine.RuleCatalog;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleRow;
import org.safereg.engine.RuleSetSnapshot;
import org.springframework.stereotype.Component;

/**
 * The rules of every version ever recorded, from rule_set_rules (the active one from memory). Versions do
 * not change, so each is read once.
 */
@Component
class StoredRuleCatalog implements RuleCatalog {

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final Map<String, List<RuleRow>> versions = new ConcurrentHashMap<>();

    StoredRuleCatalog(RuleEngine engine, RuleSetMapper mapper) {
        this.engine = engine;
        this.mapper = mapper;
    }

    @Override
    public List<RuleRow> describe(String version, List<Integer> ordinals) {
        List<RuleRow> rules = rulesOf(version);
        List<RuleRow> described = new ArrayList<>(ordinals.size());
        for (int ordinal : ordinals) {
            if (ordinal >= 0 && ordinal < rules.size()) {
                described.add(rules.get(ordinal));
            }
        }
        return described;
    }

    List<RuleRow> rulesOf(String version) {
        List<RuleRow> cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        List<RuleRow> loaded = load(version);
        if (!loaded.isEmpty()) {
            // a version not recorded yet is asked again next time rather than remembered as empty
            versions.put(version, loaded);
        }
        return loaded;
    }

    private List<RuleRow> load(String version) {
        RuleSetSnapshot active = engine.active();
        if (active.version().hash().equals(version)) {
            return active.rules().stream().map(RuleRow::of).toList();
        }
        return mapper.rulesOf(version);
    }
}
