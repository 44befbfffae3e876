package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The workbook the compiler reads: every text cell as {@link CellText#clean} reads it, so that a value
 * with a no-break space after it or typed in full-width digits compiles as the number it shows. The file
 * policy staff uploaded is kept as it is; only what is compiled is cleaned.
 */
final class WorkbookText {

    private WorkbookText() {}

    static RuleFile cleaned(RuleFile file) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            boolean changed = false;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() != CellType.STRING) {
                            continue;
                        }
                        String text = cell.getStringCellValue();
                        String clean = CellText.clean(text);
                        if (!clean.equals(text)) {
                            cell.setCellValue(clean);
                            changed = true;
                        }
                    }
                }
            }
            if (!changed) {
                return file;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(file.content().length);
            workbook.write(out);
            return new RuleFile(file.path(), out.toByteArray());
        } catch (IOException | RuntimeException e) {
            // not readable: the compiler's own reading says where
            return file;
        }
    }
}
