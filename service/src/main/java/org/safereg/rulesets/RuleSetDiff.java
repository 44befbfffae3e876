package org.safereg.rulesets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.safereg.engine.CellText;

/**
 * What changed between two versions, in the units policy staff edit: workbook rows (with each changed cell,
 * its column letter and header, before and after, as Excel displays them), the rules of DMN decision tables
 * (each changed entry under its column's label, with the XML as a unified diff) and DRL lines (a unified diff).
 */
final class RuleSetDiff {

    private static final int CONTEXT = 3;

    record View(String version, String against, List<FileDiff> files) {}

    record FileDiff(String path, String status, List<RowDiff> rows, String textDiff) {}

    /**
     * @param row the row's number (1-based, as Excel shows it) in the version compared; in the other version
     *     for a REMOVED row
     * @param rowBefore the row's number in the version compared against, for a CHANGED row
     * @param rule the generated rule's name ({@code <table>_<row>}) where the row is a rule of a rule table
     */
    record RowDiff(
            String sheet, int row, Integer rowBefore, String table, String rule, String status, List<CellDiff> cells) {}

    record CellDiff(String column, String header, String before, String after) {}

    private RuleSetDiff() {}

    static View between(String version, List<FileRow> files, String against, List<FileRow> previous) {
        Map<String, FileRow> now = byPath(files);
        Map<String, FileRow> then = byPath(previous);
        TreeSet<String> paths = new TreeSet<>(now.keySet());
        paths.addAll(then.keySet());
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            FileRow after = now.get(path);
            FileRow before = then.get(path);
            if (before == null) {
                diffs.add(new FileDiff(path, "ADDED", List.of(), null));
            } else if (after == null) {
                diffs.add(new FileDiff(path, "REMOVED", List.of(), null));
            } else if (after.sha256().equals(before.sha256())) {
                diffs.add(new FileDiff(path, "UNCHANGED", List.of(), null));
            } else if (path.toLowerCase().endsWith(".dmn")) {
                diffs.add(new FileDiff(
                        path,
                        "CHANGED",
                        DmnDiff.rules(path, before.content(), after.content()),
                        textDiff(path, before.content(), after.content())));
            } else if (path.toLowerCase().endsWith(".drl") || path.toLowerCase().endsWith(".json")) {
                diffs.add(new FileDiff(path, "CHANGED", List.of(), textDiff(path, before.content(), after.content())));
            } else {
                diffs.add(new FileDiff(path, "CHANGED", rows(before.content(), after.content()), null));
            }
        }
        return new View(version, against, diffs);
    }

    private static Map<String, FileRow> byPath(List<FileRow> files) {
        Map<String, FileRow> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.path(), f));
        return map;
    }

    // --- workbooks ---

    private static List<RowDiff> rows(byte[] before, byte[] after) {
        Map<String, List<List<String>>> then = sheets(before);
        Map<String, List<List<String>>> now = sheets(after);
        List<String> names = new ArrayList<>(now.keySet());
        then.keySet().stream().filter(n -> !now.containsKey(n)).forEach(names::add);
        List<RowDiff> diffs = new ArrayList<>();
        for (String sheet : names) {
            List<List<String>> a = then.getOrDefault(sheet, List.of());
            List<List<String>> b = now.getOrDefault(sheet, List.of());
            Tables tablesBefore = Tables.of(a);
            Tables tablesAfter = Tables.of(b);
            for (Alignment.Step step : Alignment.of(a, b, RuleSetDiff::alike)) {
                switch (step.kind()) {
                    case SAME -> {}
                    case ADDED -> diffs.add(rowDiff(sheet, step.after(), null, tablesAfter, "ADDED", List.of(), b));
                    case REMOVED ->
                        diffs.add(rowDiff(
                                sheet, step.before(), null, tablesBefore, "REMOVED", a.get(step.before()), List.of()));
                    case CHANGED ->
                        diffs.add(new RowDiff(
                                sheet,
                                step.after() + 1,
                                step.before() + 1,
                                tablesAfter.table(step.after()),
                                tablesAfter.rule(step.after()),
                                "CHANGED",
                                cells(a.get(step.before()), b.get(step.after()), tablesAfter.headers(step.after()))));
                }
            }
        }
        return diffs;
    }

    private static RowDiff rowDiff(
            String sheet,
            int index,
            Integer before,
            Tables tables,
            String status,
            List<String> old,
            List<List<String>> rows) {
        List<String> now = rows.isEmpty() ? List.of() : rows.get(index);
        return new RowDiff(
                sheet,
                index + 1,
                before,
                tables.table(index),
                tables.rule(index),
                status,
                cells(old, now, tables.headers(index)));
    }

    /** How many cells two rows share in the same columns; blank cells do not count. */
    private static int alike(List<String> a, List<String> b) {
        int same = 0;
        for (int c = 0; c < Math.min(a.size(), b.size()); c++) {
            if (!a.get(c).isEmpty() && a.get(c).equals(b.get(c))) {
                same++;
            }
        }
        return same;
    }

    private static List<CellDiff> cells(List<String> before, List<String> after, List<String> headers) {
        List<CellDiff> cells = new ArrayList<>();
        int width = Math.max(before.size(), after.size());
        for (int c = 0; c < width; c++) {
            String was = c < before.size() ? before.get(c) : "";
            String is = c < after.size() ? after.get(c) : "";
            if (!was.equals(is)) {
                cells.add(new CellDiff(
                        CellReference.convertNumToColString(c),
                        c < headers.size() && !headers.get(c).isEmpty() ? headers.get(c) : null,
                        was.isEmpty() ? null : was,
                        is.isEmpty() ? null : is));
            }
        }
        return cells;
    }

    /** Every sheet as rows of cell texts as displayed (formulas as {@code =...}), trailing blanks dropped. */
    private static Map<String, List<List<String>>> sheets(byte[] content) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            cells.add(CellText.of(row.getCell(c)));
                        }
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    rows.add(List.copyOf(cells));
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        } catch (IOException | RuntimeException e) {
            // a stored version was checked at upload; an unreadable file is compared as empty
            return Map.of();
        }
        return sheets;
    }

    /** Where the rule tables of a sheet are: their names, rule rows and the label row that heads them. */
    private record Tables(List<String> tableOfRow, List<List<String>> headersOfRow, List<Boolean> ruleRow) {

        static Tables of(List<List<String>> rows) {
            List<String> tableOfRow = new ArrayList<>();
            List<List<String>> headersOfRow = new ArrayList<>();
            List<Boolean> ruleRow = new ArrayList<>();
            String table = null;
            int labels = -1;
            List<String> headers = List.of();
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String named = row.stream()
                        .filter(t -> t.startsWith("RuleTable "))
                        .findFirst()
                        .orElse(null);
                if (named != null) {
                    table = named.substring("RuleTable ".length()).trim();
                    labels = r + 4; // keyword, object type, code, label rows follow the name
                    headers = List.of();
                } else if (r == labels) {
                    headers = row;
                } else if (table != null && r > labels && row.isEmpty()) {
                    table = null; // a table ends at its first empty row
                    headers = List.of();
                }
                tableOfRow.add(table);
                headersOfRow.add(headers);
                ruleRow.add(table != null && labels >= 0 && r > labels);
            }
            return new Tables(tableOfRow, headersOfRow, ruleRow);
        }

        String table(int index) {
            return index < tableOfRow.size() ? tableOfRow.get(index) : null;
        }

        String rule(int index) {
            return index < ruleRow.size() && ruleRow.get(index) ? tableOfRow.get(index) + "_" + (index + 1) : null;
        }

        List<String> headers(int index) {
            return index < headersOfRow.size() ? headersOfRow.get(index) : List.of();
        }
    }

    // --- DRL ---

    /** A unified diff with three lines of context, as reviewers know it from version control. */
    static String textDiff(String path, byte[] before, byte[] after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Alignment.Step> steps = Alignment.of(a, b);
        StringBuilder out = new StringBuilder()
                .append("--- a/")
                .append(path)
                .append('\n')
                .append("+++ b/")
                .append(path)
                .append('\n');
        int s = 0;
        while (s < steps.size()) {
            if (steps.get(s).kind() == Alignment.Kind.SAME) {
                s++;
                continue;
            }
            // a hunk: from CONTEXT lines before the first change to CONTEXT lines after the last change that
            // lies within 2 * CONTEXT of the previous one
            int start = Math.max(0, s - CONTEXT);
            int end = s;
            int lastChange = s;
            while (end < steps.size()) {
                if (steps.get(end).kind() != Alignment.Kind.SAME) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(steps.size(), lastChange + CONTEXT + 1);
            hunk(out, steps.subList(start, end), a, b);
            s = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Alignment.Step> steps, List<String> a, List<String> b) {
        int fromA = -1;
        int fromB = -1;
        int countA = 0;
        int countB = 0;
        StringBuilder body = new StringBuilder();
        for (Alignment.Step step : steps) {
            if (step.before() >= 0 && fromA < 0) {
                fromA = step.before();
            }
            if (step.after() >= 0 && fromB < 0) {
                fromB = step.after();
            }
            switch (step.kind()) {
                case SAME -> {
                    body.append(' ').append(a.get(step.before())).append('\n');
                    countA++;
                    countB++;
                }
                case REMOVED -> {
                    body.append('-').append(a.get(step.before())).append('\n');
                    countA++;
                }
                default -> {
                    body.append('+').append(b.get(step.after())).append('\n');
                    countB++;
                }
            }
        }
        out.append("@@ -")
                .append(countA == 0 ? Math.max(0, fromA) : fromA + 1)
                .append(',')
                .append(countA)
                .append(" +")
                .append(countB == 0 ? Math.max(0, fromB) : fromB + 1)
                .append(',')
                .append(countB)
                .append(" @@\n")
                .append(body);
    }

    private static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return List.of(text.split("\r?\n", -1));
    }
}
