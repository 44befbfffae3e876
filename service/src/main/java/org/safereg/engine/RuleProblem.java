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

    public String location() {
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
        String text = cellText == null ? "" : " (cell text: \"" + cellText + "\")";
        return location() + text + ": " + message;
    }
}
