package org.safereg.engine;

/**
 * Where a rule comes from, in the terms its author knows: a workbook's sheet and row (and the rule
 * table it belongs to), or a DRL file.
 */
public record RuleOrigin(String file, String sheet, String table, Integer row, String text) {

    /**
     * A workbook's or DRL file's rule. For a DMN model's decision-table rule, {@code sheet} is the decision,
     * {@code table} the decision table, {@code row} the rule number (from 1) and {@code text} its annotation.
     */
    public RuleOrigin(String file, String sheet, String table, Integer row) {
        this(file, sheet, table, row, null);
    }

    public static RuleOrigin drl(String file) {
        return new RuleOrigin(file, null, null, null);
    }

    public static RuleOrigin cell(String file, String sheet, String table, int row) {
        return new RuleOrigin(file, sheet, table, row);
    }

    @Override
    public String toString() {
        if (file.toLowerCase().endsWith(".dmn") && sheet != null) {
            return file + ", decision '" + sheet + "', rule " + row;
        }
        return sheet == null ? file : file + ", sheet '" + sheet + "', row " + row;
    }
}
