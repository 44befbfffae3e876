package org.safereg.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planning core, free of storage and HTTP: from the enterprises in scope, the frequency policy, the
 * inspectors, the period and a seed, the plan. Everything random comes from one {@link SeededDraw} per
 * purpose, consumed in a stable order (classes sorted by name, enterprises by id, inspectors by id), so
 * the same inputs and seed always give the same plan.
 *
 * <ol>
 *   <li>Key supervision (重点监管): every enterprise of a KEY class gets its minimum a year pro rata for the
 *       period (rounded up), no more than its yearly maximum leaves after the accepted plans, in windows
 *       whose starts are at least the minimum interval apart and no earlier than the interval after its
 *       last inspection.
 *   <li>Random pool (双随机): per class, each eligible member (under its yearly maximum and the supervisory
 *       cap, past its interval) is drawn with probability ratio × share of year: the whole part of
 *       {@code n × p} members are drawn, plus one more with the fractional part's probability, by a
 *       partial Fisher-Yates shuffle.
 *   <li>Random share: when drawn items are fewer than the table's minimum share of the plan, more of the
 *       undrawn pool is drawn at random (marked {@link PlanItem#TOP_UP}).
 *   <li>Inspectors (双随机 again): in plan order, each item goes to an inspector picked at random, weighted
 *       by remaining capacity, among those whose region covers the enterprise, with capacity left, not in
 *       conflict with it (回避) and not the one who inspected it last. A mandatory item nobody can take is
 *       uncovered; a drawn one stays without an inspector and is reported.
 * </ol>
 */
final class InspectionPlanner {

    /** Separate streams, so that a change of inspectors never changes which enterprises are drawn. */
    private static final long INSPECTOR_STREAM = 0x5DEECE66DL;

    private InspectionPlanner() {}

    static PlanDraft plan(
            List<PlanEnterprise> enterprises,
            InspectionPolicy policy,
            List<Inspector> inspectors,
            PlanPeriod period,
            long seed) {
        List<PlanEnterprise> inScope = new ArrayList<>(enterprises);
        inScope.sort(Comparator.comparingLong(PlanEnterprise::id));
        double share = period.shareOfYear();

        List<PlanItem> mandatory = new ArrayList<>();
        Map<String, List<PlanEnterprise>> pools = new TreeMap<>();
        Map<String, Frequency> poolFrequency = new HashMap<>();
        for (PlanEnterprise enterprise : inScope) {
            EnterpriseClass enterpriseClass = enterprise.enterpriseClass();
            Frequency frequency = policy.of(enterpriseClass);
            LocalDate earliest = earliest(enterprise, frequency, period);
            if (frequency.keySupervision()) {
                mandatory.addAll(keyItems(enterprise, frequency, period, earliest, share));
            } else if (!earliest.isAfter(period.end())
                    && enterprise.inspectionsThisYear()
                            < Math.min(frequency.maxPerYear(), policy.supervisoryChecksMax())) {
                String key = classKey(enterpriseClass);
                pools.computeIfAbsent(key, k -> new ArrayList<>()).add(enterprise);
                poolFrequency.put(key, frequency);
            }
        }

        SeededDraw draw = new SeededDraw(seed);
        List<PlanItem> drawn = new ArrayList<>();
        List<PlanEnterprise> undrawn = new ArrayList<>();
        for (Map.Entry<String, List<PlanEnterprise>> pool : pools.entrySet()) {
            Frequency frequency = poolFrequency.get(pool.getKey());
            List<PlanEnterprise> members = new ArrayList<>(pool.getValue());
            double probability = Math.min(1.0, frequency.samplingRatio() * share);
            double expected = members.size() * probability;
            int count = (int) Math.floor(expected);
            if (draw.nextDouble() < expected - count) {
                count++;
            }
            count = Math.min(count, members.size());
            shuffleFirst(members, count, draw);
            for (int i = 0; i < members.size(); i++) {
                if (i < count) {
                    drawn.add(randomItem(members.get(i), frequency, period, null));
                } else {
                    undrawn.add(members.get(i));
                }
            }
        }

        List<String> warnings = new ArrayList<>();
        double minimumShare = policy.randomShareMin();
        if (minimumShare > 0 && !mandatory.isEmpty()) {
            long needed = minimumShare >= 1
                    ? Long.MAX_VALUE
                    : (long) Math.ceil(mandatory.size() * minimumShare / (1 - minimumShare) - 1e-9);
            if (drawn.size() < needed) {
                undrawn.sort(Comparator.comparingLong(PlanEnterprise::id));
                int more = (int) Math.min(needed - drawn.size(), undrawn.size());
                shuffleFirst(undrawn, more, draw);
                for (int i = 0; i < more; i++) {
                    PlanEnterprise enterprise = undrawn.get(i);
                    drawn.add(randomItem(enterprise, policy.of(enterprise.enterpriseClass()), period, PlanItem.TOP_UP));
                }
                if (drawn.size() < needed) {
                    warnings.add(String.format(
                            "random share %.1f %% is below the minimum %.0f %%: the pool has no more enterprises"
                                    + " to draw",
                            100.0 * drawn.size() / (drawn.size() + mandatory.size()), 100 * minimumShare));
                }
            }
        }

        List<PlanItem> items = new ArrayList<>(mandatory);
        items.addAll(drawn);
        items.sort(Comparator.comparing(PlanItem::kind)
                .thenComparingInt(PlanItem::priority)
                .thenComparing(PlanItem::dueFrom)
                .thenComparingLong(i -> i.enterprise().id()));

        List<PlanDraft.Uncovered> uncovered = new ArrayList<>();
        List<PlanItem> assigned = assign(items, inspectors, new SeededDraw(seed ^ INSPECTOR_STREAM), uncovered);
        long unassigned = assigned.stream().filter(i -> i.inspector() == null).count();
        if (unassigned > 0) {
            warnings.add(unassigned + " drawn items have no inspector: no inspector covering their region had"
                    + " capacity left or could take them");
        }
        return new PlanDraft(assigned, uncovered, warnings, population(inScope), factsDigest(inScope));
    }

    private static String classKey(EnterpriseClass c) {
        return c.sector() + "/" + c.creditTier() + "/" + c.grade() + "/" + c.riskLevel();
    }

    /** The first day it may be inspected: the period's start, or the interval after its last inspection. */
    private static LocalDate earliest(PlanEnterprise enterprise, Frequency frequency, PlanPeriod period) {
        if (enterprise.lastInspection() == null) {
            return period.start();
        }
        LocalDate next = enterprise.lastInspection().plusDays(frequency.minIntervalDays());
        return next.isAfter(period.start()) ? next : period.start();
    }

    private static List<PlanItem> keyItems(
            PlanEnterprise enterprise, Frequency frequency, PlanPeriod period, LocalDate earliest, double share) {
        if (earliest.isAfter(period.end())) {
            return List.of();
        }
        int count = (int) Math.ceil(frequency.minPerYear() * share - 1e-9);
        count = Math.min(count, frequency.maxPerYear() - enterprise.inspectionsThisYear());
        long span = ChronoUnit.DAYS.between(earliest, period.end()) + 1;
        if (frequency.minIntervalDays() > 0) {
            count = (int) Math.min(count, Math.max(1, span / frequency.minIntervalDays()));
        }
        if (count <= 0) {
            return List.of();
        }
        int priority = priority(enterprise, true);
        List<PlanItem> items = new ArrayList<>(count);
        long length = span / count;
        for (int j = 0; j < count; j++) {
            LocalDate from = earliest.plusDays(j * length);
            LocalDate to = j == count - 1 ? period.end() : earliest.plusDays((j + 1) * length - 1);
            items.add(new PlanItem(enterprise, PlanItem.Kind.MANDATORY, from, to, priority, frequency, null, null));
        }
        return items;
    }

    private static PlanItem randomItem(PlanEnterprise enterprise, Frequency frequency, PlanPeriod period, String note) {
        return new PlanItem(
                enterprise,
                PlanItem.Kind.RANDOM,
                earliest(enterprise, frequency, period),
                period.end(),
                priority(enterprise, false),
                frequency,
                note,
                null);
    }

    /** 1 first: red risk or tier D; 2 orange; 3 yellow or not assessed; 4 blue. Key supervision is at least 2. */
    static int priority(PlanEnterprise enterprise, boolean key) {
        int byRisk =
                switch (enterprise.riskLevel()) {
                    case "RED" -> 1;
                    case "ORANGE" -> 2;
                    case "BLUE" -> 4;
                    default -> 3;
                };
        if ("D".equals(enterprise.creditTier())) {
            byRisk = 1;
        }
        return key ? Math.min(byRisk, 2) : byRisk;
    }

    /** Moves {@code count} members picked uniformly at random to the front, in the order drawn. */
    private static <T> void shuffleFirst(List<T> members, int count, SeededDraw draw) {
        for (int i = 0; i < count; i++) {
            int j = i + draw.nextInt(members.size() - i);
            T swap = members.get(i);
            members.set(i, members.get(j));
            members.set(j, swap);
        }
    }

    private static List<PlanItem> assign(
            List<PlanItem> items, List<Inspector> available, SeededDraw draw, List<PlanDraft.Uncovered> uncovered) {
        List<Inspector> inspectors = new ArrayList<>(available);
        inspectors.sort(Comparator.comparing(Inspector::id));
        int[] remaining = inspectors.stream().mapToInt(Inspector::capacity).toArray();
        Map<String, int[]> covering = new HashMap<>();
        Map<Long, String> lastAssigned = new HashMap<>();
        List<PlanItem> assigned = new ArrayList<>(items.size());
        int[] candidates = new int[inspectors.size()];
        for (PlanItem item : items) {
            PlanEnterprise enterprise = item.enterprise();
            int[] local =
                    covering.computeIfAbsent(enterprise.regionCode(), region -> coveringIndexes(inspectors, region));
            String previous = lastAssigned.getOrDefault(enterprise.id(), enterprise.previousInspector());
            int found = 0;
            long weight = 0;
            boolean anyCapacity = false;
            boolean anyFree = false;
            for (int index : local) {
                if (remaining[index] <= 0) {
                    continue;
                }
                anyCapacity = true;
                Inspector inspector = inspectors.get(index);
                if (inspector.conflicts().contains(enterprise.creditCode())
                        || inspector.id().equals(previous)) {
                    continue;
                }
                anyFree = true;
                candidates[found++] = index;
                weight += remaining[index];
            }
            if (found == 0) {
                if (item.kind() == PlanItem.Kind.MANDATORY) {
                    uncovered.add(new PlanDraft.Uncovered(item, whyNot(local.length, anyCapacity, anyFree)));
                }
                assigned.add(item);
                continue;
            }
            long pick = draw.nextLong(weight);
            int chosen = candidates[0];
            for (int i = 0; i < found; i++) {
                pick -= remaining[candidates[i]];
                if (pick < 0) {
                    chosen = candidates[i];
                    break;
                }
            }
            remaining[chosen]--;
            Inspector inspector = inspectors.get(chosen);
            lastAssigned.put(enterprise.id(), inspector.id());
            assigned.add(item.assignedTo(inspector));
        }
        return assigned;
    }

    private static String whyNot(int covering, boolean anyCapacity, boolean anyFree) {
        if (covering == 0) {
            return "NO_INSPECTOR_FOR_REGION";
        }
        if (!anyCapacity) {
            return "CAPACITY_EXHAUSTED";
        }
        return anyFree ? "CAPACITY_EXHAUSTED" : "ONLY_CONFLICTED_OR_PREVIOUS_INSPECTORS";
    }

    private static int[] coveringIndexes(List<Inspector> inspectors, String region) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < inspectors.size(); i++) {
            if (inspectors.get(i).covers(region)) {
                indexes.add(i);
            }
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, Map<String, Integer>> population(List<PlanEnterprise> enterprises) {
        Map<String, Map<String, Integer>> population = new TreeMap<>();
        Map<String, Integer> byTier = new TreeMap<>();
        Map<String, Integer> byRisk = new TreeMap<>();
        Map<String, Integer> byTierAndRisk = new TreeMap<>();
        for (PlanEnterprise each : enterprises) {
            byTier.merge(each.creditTier(), 1, Integer::sum);
            byRisk.merge(each.riskLevel(), 1, Integer::sum);
            byTierAndRisk.merge(each.creditTier() + "/" + each.riskLevel(), 1, Integer::sum);
        }
        population.put("tier", byTier);
        population.put("risk", byRisk);
        population.put("tierAndRisk", byTierAndRisk);
        return population;
    }

    private static String factsDigest(List<PlanEnterprise> enterprises) {
        MessageDigest digest = sha256();
        for (PlanEnterprise e : enterprises) {
            digest.update((e.id() + "|" + e.creditCode() + "|" + e.regionCode() + "|" + e.sector() + "|"
                            + e.creditTier() + "|" + e.grade() + "|" + e.riskLevel() + "|" + e.previousInspector()
                            + "|" + e.lastInspection() + "|" + e.inspectionsThisYear() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over what the plan is: its seed, rule-set version, period and every item in order. */
    static String digest(PlanDraft draft, long seed, String ruleSetVersion, PlanPeriod period) {
        MessageDigest digest = sha256();
        digest.update((seed + "|" + ruleSetVersion + "|" + period + "\n").getBytes(StandardCharsets.UTF_8));
        for (PlanItem item : draft.items()) {
            digest.update((item.enterprise().creditCode() + "|" + item.kind() + "|" + item.dueFrom() + "|"
                            + item.dueTo() + "|" + item.priority() + "|"
                            + (item.inspector() == null ? "" : item.inspector().id()) + "|" + item.note() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
