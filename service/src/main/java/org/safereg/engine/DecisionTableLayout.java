package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * The rule tables of one workbook as its author laid them out, read independently of Drools: which
 * sheet each table is on, its columns with their keyword and code template, and its rule rows. Used
 * to map what Drools reports (generated rule names, DRL lines) back to sheets, rows and cells.
 */
final class DecisionTableLayout {

    private final Map<String, Table> tablesByName;

    private DecisionTableLayout(Map<String, Table> tablesByName) {
        this.tablesByName = tablesByName;
    }

    static DecisionTableLayout read(RuleFile file) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                readSheet(sheet, tables);
            }
        }
        return new DecisionTableLayout(tables);
    }

    private static void readSheet(Sheet sheet, Map<String, Table> tables) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = text(cell);
                if (text.startsWith("RuleTable ")) {
                    String name = text.substring("RuleTable ".length()).trim();
                    tables.put(name, readTable(sheet, name, cell.getRowIndex(), cell.getColumnIndex()));
                }
            }
        }
    }

    private static Table readTable(Sheet sheet, String name, int keywordRow, int firstColumn) {
        Row keywords = sheet.getRow(keywordRow + 1);
        List<Column> columns = new ArrayList<>();
        if (keywords != null) {
            for (int c = firstColumn; c < keywords.getLastCellNum(); c++) {
                String keyword = text(keywords.getCell(c));
                if (keyword.isEmpty()) {
                    break;
                }
                columns.add(new Column(
                        c,
                        CellReference.convertNumToColString(c),
                        keyword.toUpperCase(),
                        text(cell(sheet, keywordRow + 2, c)),
                        text(cell(sheet, keywordRow + 3, c))));
            }
        }
        // rows: after the keyword, pattern, snippet and label rows, until the first empty row
        List<Integer> ruleRows = new ArrayList<>();
        for (int r = keywordRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            boolean empty = true;
            if (row != null) {
                for (Column column : columns) {
                    if (!text(row.getCell(column.index())).isEmpty()) {
                        empty = false;
                        break;
                    }
                }
            }
            if (empty) {
                break;
            }
            ruleRows.add(r + 1);
        }
        return new Table(sheet, name, keywordRow + 1, columns, ruleRows);
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(column);
    }

    static String text(Cell cell) {
        return CellText.of(cell);
    }

    Map<String, Table> tables() {
        return tablesByName;
    }

    Table table(String name) {
        return tablesByName.get(name);
    }

    int ruleRowCount() {
        return tablesByName.values().stream().mapToInt(t -> t.ruleRows().size()).sum();
    }

    /** A rule table; {@code headerRow} and {@code ruleRows} are 1-based sheet rows, as Excel shows them. */
    record Table(Sheet sheet, String name, int headerRow, List<Column> columns, List<Integer> ruleRows) {

        String sheetName() {
            return sheet.getSheetName();
        }

        /** The text in one cell of a rule row, as the author typed it (formulas as {@code =...}). */
        String cellText(int row, Column column) {
            return text(DecisionTableLayout.cell(sheet, row - 1, column.index()));
        }

        Cell cell(int row, Column column) {
            return DecisionTableLayout.cell(sheet, row - 1, column.index());
        }
    }

    record Column(int index, String letter, String keyword, String objectType, String snippet) {

        boolean isCode() {
            return keyword.startsWith("CONDITION") || keyword.startsWith("ACTION");
        }
    }
}
