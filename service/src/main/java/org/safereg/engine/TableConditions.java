package org.safereg.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the rule rows of a rule set's workbooks ask of a fact, read from the workbooks themselves: for
 * instance which equipment classes the alarm thresholds cover for each metric. A feature uses it to
 * refuse input that no row could ever decide, and to say which values the policy in force does cover.
 */
public final class TableConditions {

    private TableConditions() {}

    /**
     * For every rule row of every table whose conditions test all of {@code fields} (a column such as
     * {@code metric == "$param"}), the values the row requires, by field; an empty cell (the row does not
     * test the field) is the value {@code null}.
     */
    public static List<Map<String, String>> rows(RuleSetSnapshot snapshot, List<String> fields) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (RuleFile file : snapshot.files()) {
            if (!file.path().endsWith(".xlsx") && !file.path().endsWith(".xls")) {
                continue;
            }
            DecisionTableLayout layout;
            try {
                layout = DecisionTableLayout.read(file);
            } catch (IOException | RuntimeException e) {
                // a workbook the compiler took is readable; one that is not has no rows to offer
                continue;
            }
            for (DecisionTableLayout.Table table : layout.tables().values()) {
                Map<String, DecisionTableLayout.Column> columns = new LinkedHashMap<>();
                for (String field : fields) {
                    Pattern test = Pattern.compile("^\\s*" + Pattern.quote(field) + "\\s*==");
                    table.columns().stream()
                            .filter(c -> c.keyword().startsWith("CONDITION"))
                            .filter(c -> test.matcher(c.snippet()).find())
                            .findFirst()
                            .ifPresent(c -> columns.put(field, c));
                }
                if (columns.size() != fields.size()) {
                    continue;
                }
                for (int row : table.ruleRows()) {
                    Map<String, String> values = new LinkedHashMap<>();
                    columns.forEach((field, column) -> {
                        String text = table.cellText(row, column).trim();
                        values.put(field, text.isEmpty() ? null : unquote(text));
                    });
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
