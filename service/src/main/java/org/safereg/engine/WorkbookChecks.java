package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.safereg.engine.DecisionTableLayout.Column;
import org.safereg.engine.DecisionTableLayout.Table;

/**
 * Checks on a workbook that the spreadsheet compiler would let pass silently, each of which would
 * leave rules missing or different from what the author sees in Excel.
 */
final class WorkbookChecks {

    private WorkbookChecks() {}

    static void check(RuleFile file, DecisionTableLayout layout, List<RuleProblem> problems) {
        if (layout.tables().isEmpty()) {
            problems.add(RuleProblem.inFile(
                    file.path(),
                    "no rule table found: a decision table needs a cell \"RuleTable <name>\" above its columns"));
            return;
        }
        headless(file, layout, problems);
        for (Table table : layout.tables().values()) {
            if (table.columns().stream().noneMatch(Column::isCode)) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        table.headerRow() + 1,
                        null,
                        null,
                        null,
                        "rule table '" + table.name()
                                + "' has no CONDITION or ACTION column in the row below its name"));
                continue;
            }
            if (table.ruleRows().isEmpty()) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        table.headerRow(),
                        null,
                        null,
                        null,
                        "rule table '" + table.name() + "' has no rule rows"));
            }
            hiddenOrMerged(file, table, problems);
            for (int row : table.ruleRows()) {
                for (Column column : table.columns()) {
                    Cell cell = table.cell(row, column);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        problems.add(new RuleProblem(
                                file.path(),
                                table.sheetName(),
                                row,
                                column.letter(),
                                null,
                                "=" + cell.getCellFormula(),
                                "a formula where a value is expected: type the value itself, so that the rule is what"
                                        + " the sheet shows"));
                    }
                }
            }
        }
    }

    /**
     * Hidden sheets, rows and columns still become rules, which the author then cannot see; a merged cell
     * gives its value to its first row only, so the other rows would match anything.
     */
    private static void hiddenOrMerged(RuleFile file, Table table, List<RuleProblem> problems) {
        Sheet sheet = table.sheet();
        Workbook workbook = sheet.getWorkbook();
        int index = workbook.getSheetIndex(sheet);
        if (workbook.isSheetHidden(index) || workbook.isSheetVeryHidden(index)) {
            problems.add(new RuleProblem(
                    file.path(),
                    table.sheetName(),
                    table.headerRow(),
                    null,
                    null,
                    null,
                    "the sheet holding rule table '" + table.name() + "' is hidden: its rules would be in force"
                            + " without anyone seeing them; unhide the sheet or delete the table"));
        }
        for (Column column : table.columns()) {
            if (column.isCode() && sheet.isColumnHidden(column.index())) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        table.headerRow() + 1,
                        column.letter(),
                        null,
                        column.keyword(),
                        "column " + column.letter() + " of rule table '" + table.name() + "' is hidden: its"
                                + " conditions or actions would be in force without anyone seeing them; unhide it"));
            }
        }
        if (table.ruleRows().isEmpty()) {
            return;
        }
        for (int rowNumber : table.ruleRows()) {
            Row row = sheet.getRow(rowNumber - 1);
            if (row != null && row.getZeroHeight()) {
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        rowNumber,
                        null,
                        null,
                        null,
                        "row " + rowNumber + " of rule table '" + table.name() + "' is hidden: its rule would be in"
                                + " force without anyone seeing it; unhide the row or delete it"));
            }
        }
        int firstRow = table.ruleRows().get(0) - 1;
        int lastRow = table.ruleRows().get(table.ruleRows().size() - 1) - 1;
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getLastRow() < firstRow || merged.getFirstRow() > lastRow) {
                continue;
            }
            boolean overCode = table.columns().stream()
                    .anyMatch(c ->
                            c.isCode() && c.index() >= merged.getFirstColumn() && c.index() <= merged.getLastColumn());
            if (overCode) {
                Column first = table.columns().stream()
                        .filter(c -> c.index() >= merged.getFirstColumn())
                        .findFirst()
                        .orElseThrow();
                int row = Math.max(merged.getFirstRow(), firstRow) + 1;
                problems.add(new RuleProblem(
                        file.path(),
                        table.sheetName(),
                        row,
                        first.letter(),
                        null,
                        table.cellText(merged.getFirstRow() + 1, first),
                        "cells " + merged.formatAsString() + " are merged inside the rules of table '"
                                + table.name() + "': only the first row gets the value and the others would match"
                                + " anything; unmerge them and type the value in every row"));
            }
        }
    }

    /**
     * A row of CONDITION / ACTION keywords whose "RuleTable" cell above was deleted: Drools sees no table
     * there and drops every rule of it without a word, so the block is refused at its keyword cell.
     */
    private static void headless(RuleFile file, DecisionTableLayout layout, List<RuleProblem> problems) {
        Set<String> keywordRows = new HashSet<>();
        for (Table table : layout.tables().values()) {
            keywordRows.add(table.sheetName() + "!" + table.headerRow());
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = CellText.of(cell).toUpperCase(Locale.ROOT);
                        if (!text.equals("CONDITION") && !text.equals("ACTION")) {
                            continue;
                        }
                        if (!keywordRows.contains(sheet.getSheetName() + "!" + row.getRowNum())) {
                            String above = CellReference.convertNumToColString(cell.getColumnIndex()) + row.getRowNum();
                            problems.add(new RuleProblem(
                                    file.path(),
                                    sheet.getSheetName(),
                                    row.getRowNum() + 1,
                                    CellReference.convertNumToColString(cell.getColumnIndex()),
                                    null,
                                    CellText.of(cell),
                                    "a rule table without its \"RuleTable <name>\" cell: its rows would be dropped"
                                            + " without a word; put the table's name back above its keywords (cell "
                                            + above + ")"));
                        }
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: the layout's own reading reported it
        }
    }
}
