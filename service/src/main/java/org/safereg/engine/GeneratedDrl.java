package org.safereg.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL that the spreadsheet compiler generated from one workbook, indexed by rule: each rule's
 * line range and the cell its values start at (from the compiler's {@code // rule values at B21}
 * comments), so that what Drools says about a DRL line can be said about a cell.
 */
final class GeneratedDrl {

    private static final Pattern VALUES_AT =
            Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)");
    private static final Pattern RULE = Pattern.compile("^rule \"(.+)\"\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private final String text;
    private final List<String> lines;
    private final Map<String, GeneratedRule> rulesByName = new LinkedHashMap<>();

    GeneratedDrl(String text) {
        this.text = text;
        this.lines = text.lines().toList();
        GeneratedRule open = null;
        int valuesRow = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher values = VALUES_AT.matcher(line);
            Matcher rule = RULE.matcher(line);
            if (values.find()) {
                valuesRow = Integer.parseInt(values.group(2));
            } else if (rule.find()) {
                open = new GeneratedRule(rule.group(1), valuesRow, i + 1, i + 1);
                valuesRow = -1;
            } else if (open != null && line.trim().equals("end")) {
                rulesByName.put(open.name(), new GeneratedRule(open.name(), open.row(), open.firstLine(), i + 1));
                open = null;
            }
        }
    }

    static String packageOf(String drl) {
        Matcher matcher = PACKAGE.matcher(drl);
        return matcher.find() ? matcher.group(1) : "";
    }

    String text() {
        return text;
    }

    String packageName() {
        return packageOf(text);
    }

    Map<String, GeneratedRule> rules() {
        return rulesByName;
    }

    /** The 1-based line's text, or empty. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    GeneratedRule ruleAtLine(int line) {
        for (GeneratedRule rule : rulesByName.values()) {
            if (line >= rule.firstLine() && line <= rule.lastLine()) {
                return rule;
            }
        }
        return null;
    }

    /** The first line (1-based) containing {@code fragment}, searching the given rule or everything. */
    int find(String fragment, GeneratedRule within) {
        int from = within == null ? 1 : within.firstLine();
        int to = within == null ? lines.size() : within.lastLine();
        for (int i = from; i <= to; i++) {
            if (lines.get(i - 1).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** A generated rule; {@code row} is the 1-based sheet row its values come from. */
    record GeneratedRule(String name, int row, int firstLine, int lastLine) {

        String table() {
            int underscore = name.lastIndexOf('_');
            return underscore < 0 ? name : name.substring(0, underscore);
        }
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.split("[^\\p{L}\\p{N}_.\"%-]+")) {
            if (!token.isBlank()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
