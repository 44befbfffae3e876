package org.safereg.rulesets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Lines up two sequences the way a reader compares them: the longest common subsequence stays in place,
 * and what lies between is removed, added, or (where a removal and an addition meet) changed. Quadratic,
 * which suits the hundreds of rows of a decision table or lines of a DRL file.
 */
final class Alignment {

    /** Sequences longer than this (product of lengths) are compared as wholly replaced. */
    private static final long LIMIT = 16_000_000L;

    @Schema(name = "AlignmentKind")
    enum Kind {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }

    /** One step: indexes into the two sequences; -1 where the step has no element on that side. */
    @Schema(name = "AlignmentStep")
    record Step(Kind kind, int before, int after) {}

    private Alignment() {}

    /** Equal elements stay SAME, the rest are removed or added; nothing is paired as changed. */
    static <T> List<Step> of(List<T> before, List<T> after) {
        return of(before, after, null);
    }

    /**
     * As {@link #of(List, List)}, then within each stretch between SAME steps a removed element and an added
     * one are paired as CHANGED when they are alike: each removal, in order, takes the most {@code similar}
     * (above 0) of the additions after the one the previous removal took.
     */
    static <T> List<Step> of(List<T> before, List<T> after, ToIntBiFunction<T, T> similar) {
        int n = before.size();
        int m = after.size();
        List<Step> raw = new ArrayList<>();
        if ((long) n * m > LIMIT) {
            for (int i = 0; i < n; i++) {
                raw.add(new Step(Kind.REMOVED, i, -1));
            }
            for (int j = 0; j < m; j++) {
                raw.add(new Step(Kind.ADDED, -1, j));
            }
        } else {
            int[][] common = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    common[i][j] = before.get(i).equals(after.get(j))
                            ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && before.get(i).equals(after.get(j))) {
                    raw.add(new Step(Kind.SAME, i++, j++));
                } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                    raw.add(new Step(Kind.REMOVED, i++, -1));
                } else {
                    raw.add(new Step(Kind.ADDED, -1, j++));
                }
            }
        }
        return similar == null ? raw : paired(raw, before, after, similar);
    }

    private static <T> List<Step> paired(List<Step> raw, List<T> before, List<T> after, ToIntBiFunction<T, T> similar) {
        List<Step> steps = new ArrayList<>();
        int s = 0;
        while (s < raw.size()) {
            if (raw.get(s).kind() == Kind.SAME) {
                steps.add(raw.get(s++));
                continue;
            }
            List<Integer> removed = new ArrayList<>();
            List<Integer> added = new ArrayList<>();
            while (s < raw.size() && raw.get(s).kind() != Kind.SAME) {
                Step step = raw.get(s++);
                if (step.kind() == Kind.REMOVED) {
                    removed.add(step.before());
                } else {
                    added.add(step.after());
                }
            }
            // each addition goes out in its place; a removal paired with one goes out as a change there
            Integer[] pairedWith = new Integer[added.size()];
            List<Integer> unpaired = new ArrayList<>();
            int from = 0;
            for (int r : removed) {
                int best = -1;
                int bestScore = 0;
                for (int k = from; k < added.size(); k++) {
                    int score = similar.applyAsInt(before.get(r), after.get(added.get(k)));
                    if (score > bestScore) {
                        best = k;
                        bestScore = score;
                    }
                }
                if (best < 0) {
                    unpaired.add(r);
                } else {
                    pairedWith[best] = r;
                    from = best + 1;
                }
            }
            unpaired.forEach(r -> steps.add(new Step(Kind.REMOVED, r, -1)));
            for (int k = 0; k < added.size(); k++) {
                steps.add(
                        pairedWith[k] == null
                                ? new Step(Kind.ADDED, -1, added.get(k))
                                : new Step(Kind.CHANGED, pairedWith[k], added.get(k)));
            }
        }
        return steps;
    }
}
