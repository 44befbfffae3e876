package org.safereg.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.safereg.engine.DecisionTableLayout.Column;
import org.safereg.engine.DecisionTableLayout.Table;

/**
 * Reads the rule tables the way a reviewer would and reports what the compiler cannot see: numeric bands
 * that overlap or leave a gap (an input no row matches), rows that repeat another row's conditions (the
 * second never decides anything new), weights that do not add up to 100 %, and values outside the domain
 * another table of the workbook declares for the same column.
 */
final class TableAnalysis {

    private static final Pattern LOWER = Pattern.compile("^\\s*(\\w+)\\s*>=\\s*\\$param\\s*$");
    private static final Pattern UPPER = Pattern.compile("^\\s*(\\w+)\\s*<\\s*\\$param\\s*$");
    private static final Pattern EQUALS = Pattern.compile("^\\s*(\\w+)\\s*==\\s*\"?\\$param\"?\\s*$");

    private TableAnalysis() {}

    static List<TableFinding> analyse(List<RuleFile> files) {
        List<TableFinding> findings = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDecisionTable()) {
                continue;
            }
            DecisionTableLayout layout;
            try {
                layout = DecisionTableLayout.read(file);
            } catch (IOException | RuntimeException | LinkageError e) {
                continue; // the compiler reports an unreadable workbook
            }
            for (Table table : layout.tables().values()) {
                bands(file, table, findings);
                repeatedRows(file, table, findings);
                weights(file, table, findings);
            }
            domains(file, layout, findings);
        }
        return findings;
    }

    /** Pairs of "x >= $param" / "x < $param" columns: per value of the other conditions, the bands in order. */
    private static void bands(RuleFile file, Table table, List<TableFinding> findings) {
        List<Column> conditions = conditions(table);
        for (Column lower : conditions) {
            Matcher from = LOWER.matcher(lower.snippet());
            if (!from.find()) {
                continue;
            }
            Column upper = conditions.stream()
                    .filter(c -> {
                        Matcher to = UPPER.matcher(c.snippet());
                        return to.find()
                                && to.group(1).equals(from.group(1))
                                && c.objectType().equals(lower.objectType());
                    })
                    .findFirst()
                    .orElse(null);
            if (upper == null) {
                continue;
            }
            List<Column> keys =
                    conditions.stream().filter(c -> c != lower && c != upper).toList();
            Map<String, List<Band>> groups = new LinkedHashMap<>();
            for (int row : table.ruleRows()) {
                BigDecimal low = number(table.cellText(row, lower));
                BigDecimal high = number(table.cellText(row, upper));
                if ((low == null && !table.cellText(row, lower).isEmpty())
                        || (high == null && !table.cellText(row, upper).isEmpty())) {
                    continue; // not a number: the compiler reports the cell
                }
                if (low != null && high != null && low.compareTo(high) >= 0) {
                    // lower bound at or above the upper: no value can match the row, whatever the author meant
                    findings.add(new TableFinding(
                            true,
                            at(
                                    file,
                                    table,
                                    row,
                                    lower,
                                    table.cellText(row, lower),
                                    "the band is empty: its lower bound " + plain(low)
                                            + " is not below its upper bound "
                                            + plain(high) + " (column " + upper.letter() + "), so no "
                                            + from.group(1) + " matches this row; swap or correct the bounds"),
                            "此区间为空：下限 " + plain(low) + " 不低于上限 " + plain(high) + "（" + upper.letter() + " 列），没有任何 "
                                    + from.group(1) + " 能匹配此行；请对调或更正上下限"));
                    continue;
                }
                String key = keys.stream().map(c -> table.cellText(row, c)).reduce("", (a, b) -> a + "\u0000" + b);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Band(row, low, high));
            }
            String field = from.group(1);
            for (Map.Entry<String, List<Band>> group : groups.entrySet()) {
                List<Band> bands = new ArrayList<>(group.getValue());
                bands.sort(Comparator.comparing(Band::low, Comparator.nullsFirst(Comparator.naturalOrder())));
                String what = group.getKey().replace("\u0000", " ").trim();
                String label = what.isEmpty() ? field : field + " of " + what;
                String labelZh = what.isEmpty() ? field : what + " 的 " + field;
                for (int i = 1; i < bands.size(); i++) {
                    Band previous = bands.get(i - 1);
                    Band next = bands.get(i);
                    boolean overlap = previous.high() == null
                            || next.low() == null
                            || next.low().compareTo(previous.high()) < 0;
                    if (overlap) {
                        BigDecimal low = max(previous.low(), next.low());
                        BigDecimal high = min(previous.high(), next.high());
                        findings.add(new TableFinding(
                                false,
                                at(
                                        file,
                                        table,
                                        next.row(),
                                        lower,
                                        table.cellText(next.row(), lower),
                                        "the band overlaps row " + previous.row() + ": a " + label + " "
                                                + range(low, high) + " matches both rows"),
                                "此区间与第 " + previous.row() + " 行重叠：" + labelZh + " " + rangeZh(low, high) + "时两行同时匹配"));
                    } else if (next.low().compareTo(previous.high()) > 0) {
                        findings.add(new TableFinding(
                                false,
                                at(
                                        file,
                                        table,
                                        next.row(),
                                        lower,
                                        table.cellText(next.row(), lower),
                                        "a gap between this band and row " + previous.row() + ": a " + label + " "
                                                + range(previous.high(), next.low()) + " matches no row"),
                                "此区间与第 " + previous.row() + " 行之间有空档：" + labelZh + " "
                                        + rangeZh(previous.high(), next.low()) + "时没有任何行匹配"));
                    }
                }
            }
        }
    }

    /**
     * A row that repeats an earlier one in every condition and action decides nothing the earlier did not:
     * usually a copied row whose edit was forgotten. (Rows with the same conditions and different actions
     * are how a table gives several results, e.g. the levels of an alarm.)
     */
    private static void repeatedRows(RuleFile file, Table table, List<TableFinding> findings) {
        List<Column> code = table.columns().stream().filter(Column::isCode).toList();
        if (code.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int row : table.ruleRows()) {
            String key = code.stream().map(c -> table.cellText(row, c)).reduce("", (a, b) -> a + "\u0000" + b);
            Integer first = seen.putIfAbsent(key, row);
            if (first != null) {
                findings.add(new TableFinding(
                        false,
                        new RuleProblem(
                                file.path(),
                                table.sheetName(),
                                row,
                                null,
                                null,
                                null,
                                "this row repeats row " + first
                                        + " in every condition and action: it can never decide anything row " + first
                                        + " does not"),
                        "此行的所有条件和动作都与第 " + first + " 行相同：它不会作出第 " + first + " 行以外的任何决定"));
            }
        }
    }

    /** A table of weights (its action weighs, or its name says weights) must add up to 100 %. */
    private static void weights(RuleFile file, Table table, List<TableFinding> findings) {
        Column weight = table.columns().stream()
                .filter(c -> c.keyword().startsWith("ACTION")
                        && (c.snippet().contains("weigh")
                                || table.name().toLowerCase().contains("weight")))
                .findFirst()
                .orElse(null);
        if (weight == null || table.ruleRows().isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int row : table.ruleRows()) {
            BigDecimal value = number(table.cellText(row, weight));
            if (value == null) {
                return; // not a number: the compiler reports the cell
            }
            sum = sum.add(value);
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            int first = table.ruleRows().get(0);
            int last = table.ruleRows().get(table.ruleRows().size() - 1);
            findings.add(new TableFinding(
                    true,
                    new RuleProblem(
                            file.path(),
                            table.sheetName(),
                            first,
                            weight.letter(),
                            null,
                            null,
                            "the weights in " + weight.letter() + first + ":" + weight.letter() + last + " add up to "
                                    + plain(sum) + " %, not 100 %"),
                    "权重 " + weight.letter() + first + ":" + weight.letter() + last + " 合计为 " + plain(sum)
                            + " %，而非 100 %"));
        }
    }

    /**
     * A column matched by equality ({@code indicator == "$param"}) in several tables of a workbook: the first
     * table declares the values; a value another table uses outside them matches no fact that table covers.
     */
    private static void domains(RuleFile file, DecisionTableLayout layout, List<TableFinding> findings) {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        Map<String, String> declaredBy = new LinkedHashMap<>();
        for (Table table : layout.tables().values()) {
            for (Column column : conditions(table)) {
                Matcher equals = EQUALS.matcher(column.snippet());
                if (!equals.find()) {
                    continue;
                }
                String key =
                        column.objectType().replaceAll("^\\s*\\w+\\s*:\\s*", "").trim() + "." + equals.group(1);
                Set<String> values = new LinkedHashSet<>();
                table.ruleRows().forEach(row -> values.add(table.cellText(row, column)));
                if (!declared.containsKey(key)) {
                    declared.put(key, values);
                    declaredBy.put(key, table.name());
                    continue;
                }
                for (int row : table.ruleRows()) {
                    String value = table.cellText(row, column);
                    if (!value.isEmpty() && !declared.get(key).contains(value)) {
                        findings.add(new TableFinding(
                                true,
                                at(
                                        file,
                                        table,
                                        row,
                                        column,
                                        value,
                                        "'" + value + "' is not one of the values table '" + declaredBy.get(key)
                                                + "' declares for " + equals.group(1) + " " + declared.get(key)),
                                "“" + value + "”不在规则表“" + declaredBy.get(key) + "”为 " + equals.group(1) + " 声明的取值 "
                                        + declared.get(key) + " 之中"));
                    }
                }
            }
        }
    }

    private static List<Column> conditions(Table table) {
        return table.columns().stream()
                .filter(c -> c.keyword().startsWith("CONDITION"))
                .toList();
    }

    private static RuleProblem at(RuleFile file, Table table, int row, Column column, String text, String message) {
        return new RuleProblem(file.path(), table.sheetName(), row, column.letter(), null, text, message);
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    /** A half-open range [low, high) in words; a missing bound is open. */
    private static String range(BigDecimal low, BigDecimal high) {
        if (low == null && high == null) {
            return "of any value";
        }
        if (low == null) {
            return "below " + plain(high);
        }
        if (high == null) {
            return "of " + plain(low) + " or more";
        }
        return "from " + plain(low) + " up to (not including) " + plain(high);
    }

    private static String rangeZh(BigDecimal low, BigDecimal high) {
        if (low == null && high == null) {
            return "为任何值";
        }
        if (low == null) {
            return "低于 " + plain(high);
        }
        if (high == null) {
            return "为 " + plain(low) + " 及以上";
        }
        return "在 " + plain(low) + "（含）至 " + plain(high) + "（不含）之间";
    }

    private record Band(int row, BigDecimal low, BigDecimal high) {}
}
