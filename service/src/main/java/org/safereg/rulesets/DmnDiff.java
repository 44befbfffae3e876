package org.safereg.rulesets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.safereg.engine.DmnTable;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;

/**
 * What changed in the decision tables of a DMN model, rule by rule as the DMN editors number them: a row of the
 * diff is a rule (sheet = the decision, table = the decision table), its cells the input and output entries and
 * the annotation under their columns' labels; a changed hit policy is a row of its own (row 0).
 */
final class DmnDiff {

    private DmnDiff() {}

    static List<RuleSetDiff.RowDiff> rules(String path, byte[] before, byte[] after) {
        Map<String, DmnTable> then = byTable(RuleEngine.modelTables(new RuleFile(path, before)));
        Map<String, DmnTable> now = byTable(RuleEngine.modelTables(new RuleFile(path, after)));
        List<String> keys = new ArrayList<>(now.keySet());
        then.keySet().stream().filter(k -> !now.containsKey(k)).forEach(keys::add);
        List<RuleSetDiff.RowDiff> diffs = new ArrayList<>();
        for (String key : keys) {
            DmnTable a = then.get(key);
            DmnTable b = now.get(key);
            DmnTable shown = b != null ? b : a;
            if (a != null && b != null && !a.hitPolicy().equals(b.hitPolicy())) {
                diffs.add(new RuleSetDiff.RowDiff(
                        shown.decision(),
                        0,
                        0,
                        shown.table(),
                        null,
                        "CHANGED",
                        List.of(new RuleSetDiff.CellDiff("H", "hit policy", a.hitPolicy(), b.hitPolicy()))));
            }
            List<List<String>> rowsBefore = rows(a);
            List<List<String>> rowsAfter = rows(b);
            List<String> headers = headers(shown);
            for (Alignment.Step step : Alignment.of(rowsBefore, rowsAfter, DmnDiff::alike)) {
                switch (step.kind()) {
                    case SAME -> {}
                    case ADDED ->
                        diffs.add(row(
                                shown,
                                step.after() + 1,
                                null,
                                "ADDED",
                                List.of(),
                                rowsAfter.get(step.after()),
                                headers));
                    case REMOVED ->
                        diffs.add(row(
                                shown,
                                step.before() + 1,
                                null,
                                "REMOVED",
                                rowsBefore.get(step.before()),
                                List.of(),
                                headers));
                    case CHANGED ->
                        diffs.add(row(
                                shown,
                                step.after() + 1,
                                step.before() + 1,
                                "CHANGED",
                                rowsBefore.get(step.before()),
                                rowsAfter.get(step.after()),
                                headers));
                }
            }
        }
        return diffs;
    }

    private static RuleSetDiff.RowDiff row(
            DmnTable table,
            int number,
            Integer before,
            String status,
            List<String> a,
            List<String> b,
            List<String> headers) {
        List<RuleSetDiff.CellDiff> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(a.size(), b.size()); c++) {
            String was = c < a.size() ? a.get(c) : null;
            String is = c < b.size() ? b.get(c) : null;
            if (!Objects.equals(was, is)) {
                cells.add(new RuleSetDiff.CellDiff(
                        column(table, c), c < headers.size() ? headers.get(c) : null, was, is));
            }
        }
        return new RuleSetDiff.RowDiff(
                table.decision(), number, before, table.table(), table.decision() + " #" + number, status, cells);
    }

    /** I1, I2 ... for inputs, O1 ... for outputs, A for the annotation. */
    private static String column(DmnTable table, int c) {
        if (c < table.inputs().size()) {
            return "I" + (c + 1);
        }
        if (c < table.inputs().size() + table.outputs().size()) {
            return "O" + (c - table.inputs().size() + 1);
        }
        return "A";
    }

    private static List<String> headers(DmnTable table) {
        List<String> headers = new ArrayList<>(table.inputs());
        headers.addAll(table.outputs());
        headers.add("annotation");
        return headers;
    }

    private static List<List<String>> rows(DmnTable table) {
        if (table == null) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (DmnTable.Rule rule : table.rules()) {
            List<String> row = new ArrayList<>(rule.inputEntries());
            row.addAll(rule.outputEntries());
            row.add(rule.annotation() == null ? "" : rule.annotation());
            rows.add(row);
        }
        return rows;
    }

    private static int alike(List<String> a, List<String> b) {
        int same = 0;
        for (int c = 0; c < Math.min(a.size(), b.size()); c++) {
            if (!a.get(c).isEmpty() && a.get(c).equals(b.get(c))) {
                same++;
            }
        }
        return same;
    }

    private static Map<String, DmnTable> byTable(List<DmnTable> tables) {
        Map<String, DmnTable> map = new LinkedHashMap<>();
        tables.forEach(t -> map.put(t.decision() + '\u0000' + t.table(), t));
        return map;
    }
}
