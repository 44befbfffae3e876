package org.safereg.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a decision came out as it did: the rule-set version it was made on and the rules that fired, in firing
 * order, by ordinal (a rule's place in {@link RuleSetSnapshot#rules()}). Every decision SafeReg keeps (credit,
 * risk, alarm, notification, task, plan item) stores this one value the same way, as {@code rule_set_version}
 * and {@code fired_rules}, and {@link RuleCatalog#explain} renders it the same way.
 */
public record Provenance(String ruleSetVersion, List<Integer> ordinals) {

    public Provenance {
        ordinals = List.copyOf(ordinals);
    }

    /** What an evaluation did. */
    public static Provenance of(Evaluation evaluation) {
        return of(evaluation.ruleSetVersion(), evaluation.firedRules());
    }

    /** Rules that fired on {@code ruleSetVersion}; a rule the version does not know (ordinal -1) is left out. */
    public static Provenance of(String ruleSetVersion, List<FiredRule> fired) {
        List<Integer> ordinals = new ArrayList<>(fired.size());
        for (FiredRule rule : fired) {
            if (rule != null && rule.ordinal() >= 0) {
                ordinals.add(rule.ordinal());
            }
        }
        return new Provenance(ruleSetVersion, ordinals);
    }

    /** One rule decided, or none (null). */
    public static Provenance of(String ruleSetVersion, FiredRule rule) {
        return of(ruleSetVersion, rule == null ? List.of() : List.of(rule));
    }

    /**
     * The value as stored.
     *
     * @param firedRules the {@code fired_rules} column: a JSON array of ordinals, e.g. {@code [3,17]}; null or
     *     blank is no rule
     * @throws IllegalArgumentException when {@code firedRules} is not such an array
     */
    public static Provenance stored(String ruleSetVersion, String firedRules) {
        String body = firedRules == null ? "" : firedRules.strip();
        if (body.isEmpty()) {
            return new Provenance(ruleSetVersion, List.of());
        }
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("fired rules are not a JSON array of ordinals: " + firedRules);
        }
        List<Integer> ordinals = new ArrayList<>();
        for (String item : body.substring(1, body.length() - 1).split(",")) {
            if (!item.isBlank()) {
                try {
                    ordinals.add(Integer.parseInt(item.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "fired rules are not a JSON array of ordinals: " + firedRules, e);
                }
            }
        }
        return new Provenance(ruleSetVersion, ordinals);
    }

    /** The {@code fired_rules} column: a JSON array of ordinals. */
    public String firedRules() {
        StringBuilder json = new StringBuilder(2 + ordinals.size() * 4).append('[');
        for (int i = 0; i < ordinals.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(ordinals.get(i));
        }
        return json.append(']').toString();
    }
}
