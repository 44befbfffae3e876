package org.safereg.engine;

/**
 * Something wrong in a rule-set file, located as precisely as the file allows: for a workbook the
 * sheet, row and column (A, B, …) of the cell and its text; for a DRL file the line.
 */
public record RuleProblem(
        String file, String sheet, Integer row, String column, Integer line, String cellText, String message) {

    /** A problem of a whole file (or of the rule set, with a descriptive name instead of a path). */
    static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, null, null, message);
    }

    /**
     * A problem in a DMN model: {@code sheet} holds the decision, {@code column} the decision table and
     * {@code row} the rule number (from 1), so that it reads in the terms of the DMN editors.
     */
    static RuleProblem inModel(
            String file, String decision, String table, Integer rule, Integer line, String text, String message) {
        return new RuleProblem(file, decision, rule, table, line, text, message);
    }

    private boolean inDmn() {
        return file.toLowerCase().endsWith(".dmn");
    }

    public String location() {
        if (inDmn()) {
            StringBuilder where = new StringBuilder(file);
            if (sheet != null) {
                where.append(", decision '").append(sheet).append('\'');
            }
            if (column != null && !column.equals(sheet)) {
                where.append(", table '").append(column).append('\'');
            }
            if (row != null) {
                where.append(", rule ").append(row);
            }
            if (line != null) {
                where.append(", line ").append(line);
            }
            return where.toString();
        }
        StringBuilder where = new StringBuilder(file);
        if (sheet != null) {
            where.append(", sheet '").append(sheet).append('\'');
        }
        if (row != null && column != null) {
            where.append(", cell ").append(column).append(row);
        } else if (row != null) {
            where.append(", row ").append(row);
        }
        if (line != null) {
            where.append(", line ").append(line);
        }
        return where.toString();
    }

    @Override
    public String toString() {
        String text = cellText == null ? "" : inDmn() ? " (" + cellText + ")" : " (cell text: \"" + cellText + "\")";
        return location() + text + ": " + message;
    }
}
