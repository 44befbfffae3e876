package org.safereg.engine;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;

/** A cell as its author sees it in Excel: the displayed value, or {@code =...} for a formula; "" when blank. */
public final class CellText {

    private static final DataFormatter FORMATTER = new DataFormatter();

    private CellText() {}

    public static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        return FORMATTER.formatCellValue(cell).trim();
    }
}
