package org.safereg.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.safereg.engine.DecisionTableLayout.Column;
import org.safereg.engine.DecisionTableLayout.Table;
import org.safereg.engine.GeneratedDrl.GeneratedRule;

/**
 * Turns what Drools says about generated DRL into what a policy officer can act on: the workbook, sheet,
 * row and column of the cell whose text broke the rule, that text, and what was wrong with it.
 */
final class ProblemLocator {

    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule(?: name=| )['\"]([^'\"]+)['\"]");
    private static final Pattern EXPRESSION =
            Pattern.compile("Unable to Analyse Expression (.+?):\\s*$", Pattern.MULTILINE);
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]");
    private static final Pattern ERROR_LINE = Pattern.compile("\\[Error: (.+?)\\]\\s*$", Pattern.MULTILINE);
    private static final Pattern PARSER_POSITION =
            Pattern.compile("Line (\\d+):(\\d+) (.+?)(?: in rule .*)?$", Pattern.MULTILINE);
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\b(?:in )?cell ([A-Z]{1,3})(\\d+)");

    private ProblemLocator() {}

    static RuleProblem inDrlFile(RuleFile file, Message message) {
        Integer line = message.getLine() > 0 ? message.getLine() : null;
        return new RuleProblem(file.path(), null, null, null, line, null, reason(message.getText()));
    }

    /** A problem Drools reported in the DRL generated from a workbook, mapped back to the cell. */
    static RuleProblem inWorkbook(RuleFile file, DecisionTableLayout layout, GeneratedDrl drl, Message message) {
        String text = message.getText();
        GeneratedRule rule = null;
        Matcher ruleName = RULE_NAME.matcher(text);
        if (ruleName.find()) {
            rule = drl.rules().get(ruleName.group(1));
        }
        int line = message.getLine();
        int position = -1;
        Matcher parser = PARSER_POSITION.matcher(text);
        if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            position = Integer.parseInt(parser.group(2));
        }
        String expression = firstGroup(EXPRESSION, text);
        if (expression == null) {
            expression = firstGroup(NEAR, text);
        }
        if (line <= 0 && expression != null) {
            line = drl.find(expression.trim(), rule);
        }
        if (rule == null && line > 0) {
            rule = drl.ruleAtLine(line);
        }
        if (rule == null || layout.table(rule.table()) == null) {
            return RuleProblem.inFile(file.path(), reason(text));
        }
        Table table = layout.table(rule.table());
        Matcher unknownType = UNKNOWN_TYPE.matcher(text);
        if (unknownType.find()) {
            return unknownFactType(file, table, unknownType.group(1));
        }
        Column column = column(table, rule.row(), drl.line(line), position, text);
        String cellText = column == null ? null : table.cellText(rule.row(), column);
        String message1 = column == null
                ? "the rule built from this row is not valid: " + reason(text)
                : "the " + describe(column) + " built from this cell (\"" + instance(column, cellText)
                        + "\") is not valid: " + reason(text);
        return new RuleProblem(
                file.path(),
                table.sheetName(),
                rule.row(),
                column == null ? null : column.letter(),
                null,
                cellText,
                message1);
    }

    /** Every row of the table fails alike; the cause is the pattern cell in its header, reported once. */
    private static RuleProblem unknownFactType(RuleFile file, Table table, String type) {
        int patternRow = table.headerRow() + 2;
        for (Column column : table.columns()) {
            if (Pattern.compile("\\b" + Pattern.quote(type) + "\\b")
                    .matcher(column.objectType())
                    .find()) {
                return new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        patternRow,
                        column.letter(),
                        null,
                        column.objectType(),
                        "the fact type '" + type + "' is unknown: a rule table can only match the"
                                + " fact types named in the Import row");
            }
        }
        return new RuleProblem(
                file.path(),
                table.sheetName(),
                patternRow,
                null,
                null,
                null,
                "the fact type '" + type + "' is unknown: a rule table can only match the fact types named in the"
                        + " Import row");
    }

    /** A problem the spreadsheet parser reported before any DRL existed; it names a cell but no sheet. */
    static RuleProblem inWorkbookParse(RuleFile file, DecisionTableLayout layout, String message) {
        Matcher cell = CELL_IN_MESSAGE.matcher(message == null ? "" : message);
        if (cell.find() && layout != null) {
            String letter = cell.group(1);
            int row = Integer.parseInt(cell.group(2));
            String sheet = layout.tables().values().stream()
                    .map(Table::sheetName)
                    .findFirst()
                    .orElse(null);
            return new RuleProblem(file.path(), sheet, row, letter, null, null, message);
        }
        return RuleProblem.inFile(file.path(), String.valueOf(message));
    }

    private static Column column(Table table, int row, String lineText, int position, String message) {
        List<Column> onLine = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (Column column : table.columns()) {
            String cellText = table.cellText(row, column);
            if (!column.isCode() || cellText.isEmpty()) {
                continue;
            }
            int at = lineText.indexOf(instance(column, cellText));
            if (at >= 0) {
                onLine.add(column);
                starts.add(at);
            }
        }
        if (position >= 0 && !onLine.isEmpty()) {
            Column best = null;
            int bestStart = -1;
            for (int i = 0; i < onLine.size(); i++) {
                if (starts.get(i) <= position && starts.get(i) > bestStart) {
                    best = onLine.get(i);
                    bestStart = starts.get(i);
                }
            }
            if (best != null) {
                return best;
            }
        }
        if (onLine.size() == 1) {
            return onLine.get(0);
        }
        if (onLine.isEmpty() && message.contains("Rule Compilation error")) {
            // a consequence that does not compile: the ACTION cells are the suspects
            List<Column> actions = table.columns().stream()
                    .filter(c -> c.keyword().startsWith("ACTION")
                            && !table.cellText(row, c).isEmpty())
                    .toList();
            if (actions.size() == 1) {
                return actions.get(0);
            }
        }
        List<Column> candidates = onLine.isEmpty() ? table.columns() : onLine;
        for (Column column : candidates) {
            String cellText = table.cellText(row, column);
            if (!column.isCode() || cellText.isEmpty()) {
                continue;
            }
            for (String token : GeneratedDrl.tokens(cellText)) {
                if (message.contains(token) && !column.snippet().contains(token)) {
                    return column;
                }
            }
        }
        return null;
    }

    private static String instance(Column column, String cellText) {
        return column.snippet().contains("$param") ? column.snippet().replace("$param", cellText) : column.snippet();
    }

    private static String describe(Column column) {
        return column.keyword().startsWith("ACTION") ? "action" : "condition";
    }

    /** Drools' own explanation, without its stack of generated-code context. */
    static String reason(String text) {
        String error = firstGroup(ERROR_LINE, text);
        if (error != null) {
            return error.replace("unable to resolve method using strict-mode: ", "unknown field or value ");
        }
        Matcher parser = PARSER_POSITION.matcher(text);
        if (parser.find()) {
            return "syntax error, " + parser.group(3).replace(" in pattern", "");
        }
        String first =
                text.lines().filter(l -> !l.isBlank()).findFirst().orElse(text).trim();
        first = first.replaceFirst("^Rule Compilation error\\s*:?\\s*", "");
        first = first.replaceFirst("\\[Rule name='[^']*'\\]\\s*", "");
        if (first.isBlank()) {
            first = text.lines()
                    .map(String::trim)
                    .filter(l -> !l.isBlank() && !l.startsWith("Rule Compilation error") && !l.startsWith("[Rule name"))
                    .reduce((a, b) -> b)
                    .orElse(text.trim());
        }
        return first;
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
