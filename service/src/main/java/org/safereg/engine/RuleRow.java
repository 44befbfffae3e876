package org.safereg.engine;

/**
 * One rule of a stored version, as an explanation names it: the rule and its workbook, sheet, table and row
 * (or DRL file; or DMN model, decision, decision table and rule number, with the rule's annotation as text).
 */
public record RuleRow(
        int ordinal,
        String packageName,
        String ruleName,
        String file,
        String sheet,
        String ruleTable,
        Integer sheetRow,
        String text) {

    /** A rule without text of its own (every workbook and DRL rule). */
    public RuleRow(
            int ordinal,
            String packageName,
            String ruleName,
            String file,
            String sheet,
            String ruleTable,
            Integer sheetRow) {
        this(ordinal, packageName, ruleName, file, sheet, ruleTable, sheetRow, null);
    }

    public static RuleRow of(RuleRef ref) {
        var origin = ref.origin();
        return new RuleRow(
                ref.ordinal(),
                ref.packageName(),
                ref.name(),
                origin.file(),
                origin.sheet(),
                origin.table(),
                origin.row(),
                origin.text());
    }
}
