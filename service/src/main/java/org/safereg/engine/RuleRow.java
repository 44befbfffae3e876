package org.safereg.engine;

/**
 * One rule of a stored version, as an explanation names it: the rule and its workbook, sheet, table and row
 * (or DRL file).
 */
public record RuleRow(
        int ordinal,
        String packageName,
        String ruleName,
        String file,
        String sheet,
        String ruleTable,
        Integer sheetRow) {

    public static RuleRow of(RuleRef ref) {
        var origin = ref.origin();
        return new RuleRow(
                ref.ordinal(),
                ref.packageName(),
                ref.name(),
                origin.file(),
                origin.sheet(),
                origin.table(),
                origin.row());
    }
}
