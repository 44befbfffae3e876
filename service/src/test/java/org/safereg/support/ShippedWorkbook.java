package org.safereg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.safereg.engine.CellText;
import org.safereg.engine.RuleSetSnapshot;

/**
 * A workbook of the repository's rule set as its author sees it, read with POI rather than through the
 * engine, so that tests can hold what the engine made of it against the sheet itself (however many rows
 * policy staff have written).
 */
public final class ShippedWorkbook {

    /** Tests run in service/; the rule set lives at the repository root. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private ShippedWorkbook() {}

    /**
     * Every rule row of the workbook at {@code file} (e.g. {@code decision-tables/risk-level.xlsx}), on any sheet,
     * as {@code sheet / table / row}: the rows below each {@code RuleTable} cell and its four header rows, up to
     * the first blank one; rows as Excel numbers them.
     */
    public static List<String> ruleRows(String file) {
        List<String> rows = new ArrayList<>();
        forEachSheet(file, sheet -> {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = CellText.of(cell);
                    if (text.startsWith("RuleTable ")) {
                        String table = text.substring("RuleTable ".length()).trim();
                        rowsBelow(sheet, row.getRowNum() + 5, sheet.getSheetName() + " / " + table + " / ", rows);
                    }
                }
            }
        });
        return rows;
    }

    /**
     * Every example case of the workbook at {@code file}, as {@code sheet / row}: on its Examples sheets, the
     * rows below the one with a {@code NAME} cell and the labels row under it, up to the first blank one.
     */
    public static List<String> exampleRows(String file) {
        List<String> rows = new ArrayList<>();
        forEachSheet(file, sheet -> {
            String name = sheet.getSheetName().trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("examples") || name.startsWith("示例")) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (CellText.of(cell).equalsIgnoreCase("NAME")) {
                            rowsBelow(sheet, row.getRowNum() + 2, sheet.getSheetName() + " / ", rows);
                        }
                    }
                }
            }
        });
        return rows;
    }

    /** The rules {@code rules} compiled from {@code file}, each as the sheet, table and row it says it comes from. */
    public static List<String> ruleOrigins(RuleSetSnapshot rules, String file) {
        return rules.rules().stream()
                .filter(rule -> file.equals(rule.origin().file()))
                .map(rule -> rule.origin().sheet() + " / " + rule.origin().table() + " / "
                        + rule.origin().row())
                .toList();
    }

    private static void forEachSheet(String file, Consumer<Sheet> reader) {
        try (Workbook workbook = WorkbookFactory.create(REPOSITORY.resolve(file).toFile(), null, true)) {
            workbook.forEach(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code prefix} with the Excel number of each row from {@code first} (0-based) up to the first blank one. */
    private static void rowsBelow(Sheet sheet, int first, String prefix, List<String> rows) {
        for (int r = first; !blank(sheet.getRow(r)); r++) {
            rows.add(prefix + (r + 1));
        }
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!CellText.of(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
