package org.safereg.engine;

/**
 * Where a rule comes from, in the terms its author knows: a workbook's sheet and row (and the rule
 * table it belongs to), or a DRL file.
 */
public record RuleOrigin(String file, String sheet, String table, Integer row) {

    public static RuleOrigin drl(String file) {
        return new RuleOrigin(file, null, null, null);
    }

    public static RuleOrigin cell(String file, String sheet, String table, int row) {
        return new RuleOrigin(file, sheet, table, row);
    }

    @Override
    public String toString() {
        return sheet == null ? file : file + ", sheet '" + sheet + "', row " + row;
    }
}
