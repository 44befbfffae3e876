package org.safereg.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes decision tables in the Drools spreadsheet layout (RuleSet / Import / Notes / RuleTable), the
 * way a policy officer would lay them out, for the seed workbooks and for tests that need a workbook
 * with a particular broken cell.
 */
public final class DecisionTableWorkbook {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle keyword;
    private final CellStyle wrap;
    private final Map<String, IndexedColors> fills = new LinkedHashMap<>();
    private Sheet sheet;
    private int nextRow;

    public DecisionTableWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        keyword = workbook.createCellStyle();
        keyword.setFont(bold);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
    }

    public DecisionTableWorkbook sheet(String name, String rulePackage, List<String> imports, String notes) {
        sheet = workbook.createSheet(name);
        nextRow = 0;
        keywordRow("RuleSet", rulePackage);
        keywordRow("Import", String.join(", ", imports));
        Row notesRow = keywordRow("Notes", notes);
        notesRow.getCell(2).setCellStyle(wrap);
        sheet.addMergedRegion(new CellRangeAddress(notesRow.getRowNum(), notesRow.getRowNum(), 2, 7));
        notesRow.setHeightInPoints(15 * Math.max(1, notes.length() / 90 + notes.split("\n").length));
        nextRow++;
        return this;
    }

    /**
     * Starts a rule table. {@code columns} are the column keywords (CONDITION, ACTION, DESCRIPTION),
     * {@code objectTypes} the pattern of each column, where consecutive equal patterns are merged so
     * their conditions share one pattern, {@code snippets} the code template of each column and
     * {@code labels} the human headings.
     */
    public DecisionTableWorkbook table(
            String name, List<String> columns, List<String> objectTypes, List<String> snippets, List<String> labels) {
        keywordRow("RuleTable " + name, null);
        writeRow(columns, keyword);
        int typeRow = nextRow;
        writeRow(objectTypes, null);
        for (int from = 0; from < objectTypes.size(); ) {
            int to = from;
            while (to + 1 < objectTypes.size()
                    && !objectTypes.get(from).isEmpty()
                    && objectTypes.get(to + 1).equals(objectTypes.get(from))) {
                to++;
            }
            if (to > from) {
                sheet.addMergedRegion(new CellRangeAddress(typeRow, typeRow, 1 + from, 1 + to));
            }
            from = to + 1;
        }
        writeRow(snippets, null);
        writeRow(labels, header);
        return this;
    }

    /**
     * Starts the workbook's Examples sheet: cases policy staff can read, each with its inputs and the outcome
     * it must get, which a version must pass before it can be activated. {@code keys} are the machine row
     * ({@code NAME}, {@code INPUT <name>}, {@code EXPECT <outcome>}), {@code labels} the heading people read;
     * the cases follow with {@link #row}.
     */
    public DecisionTableWorkbook examples(String notes, List<String> keys, List<String> labels) {
        sheet = workbook.createSheet("Examples");
        nextRow = 0;
        Row title = sheet.createRow(nextRow++);
        title.createCell(1).setCellValue("示例 Examples");
        title.getCell(1).setCellStyle(keyword);
        Row notesRow = sheet.createRow(nextRow++);
        notesRow.createCell(1).setCellValue(notes);
        notesRow.getCell(1).setCellStyle(wrap);
        sheet.addMergedRegion(new CellRangeAddress(notesRow.getRowNum(), notesRow.getRowNum(), 1, 7));
        notesRow.setHeightInPoints(15 * Math.max(2, notes.length() / 90 + notes.split("\n").length));
        nextRow++;
        writeRow(keys, keyword);
        writeRow(labels, header);
        return this;
    }

    /** One rule row; a {@code null} cell stays blank, numbers are written as numeric cells. */
    public DecisionTableWorkbook row(Object... cells) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value instanceof Number number) {
                row.createCell(1 + i).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(1 + i).setCellValue(value.toString());
            }
        }
        return this;
    }

    public DecisionTableWorkbook blankRow() {
        nextRow++;
        return this;
    }

    /** Fills every cell reading exactly {@code text} with {@code colour}, e.g. each risk level in its own colour. */
    public DecisionTableWorkbook fill(String text, IndexedColors colour) {
        fills.put(text, colour);
        return this;
    }

    public byte[] toBytes() {
        Map<String, CellStyle> fillStyles = new LinkedHashMap<>();
        fills.forEach((text, colour) -> {
            CellStyle style = workbook.createCellStyle();
            style.setFillForegroundColor(colour.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            fillStyles.put(text, style);
        });
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            Sheet each = workbook.getSheetAt(i);
            for (Row row : each) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && fillStyles.containsKey(cell.getStringCellValue())) {
                        cell.setCellStyle(fillStyles.get(cell.getStringCellValue()));
                    }
                }
            }
            each.setColumnWidth(0, 3 * 256);
            for (int column = 1; column <= 7; column++) {
                each.setColumnWidth(column, 30 * 256);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeTo(Path file) {
        try {
            Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Row keywordRow(String word, String value) {
        Row row = sheet.createRow(nextRow++);
        row.createCell(1).setCellValue(word);
        row.getCell(1).setCellStyle(keyword);
        if (value != null) {
            row.createCell(2).setCellValue(value);
        }
        return row;
    }

    private void writeRow(List<String> cells, CellStyle style) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                row.createCell(1 + i).setCellValue(cells.get(i));
                if (style != null) {
                    row.getCell(1 + i).setCellStyle(style);
                }
            }
        }
    }
}
