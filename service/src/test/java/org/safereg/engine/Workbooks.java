package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** The repository's rule set, and copies of it with one workbook edited the way an author might break it. */
final class Workbooks {

    /** Tests run in service/; the rule set lives at the repository root. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private Workbooks() {}

    static List<RuleFile> shipped() {
        return RuleSetSources.fromDirectory(REPOSITORY);
    }

    static RuleFile shippedFile(String path) {
        return shipped().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    /** The shipped rule set with {@code path} replaced by an edited copy. */
    static List<RuleFile> withEdited(String path, Consumer<Workbook> edit) {
        List<RuleFile> files = new ArrayList<>(shipped());
        files.replaceAll(f -> f.path().equals(path) ? new RuleFile(path, edit(f.content(), edit)) : f);
        return files;
    }

    static List<RuleFile> withReplaced(String path, byte[] content) {
        List<RuleFile> files = new ArrayList<>(shipped());
        files.replaceAll(f -> f.path().equals(path) ? new RuleFile(path, content) : f);
        return files;
    }

    static byte[] edit(byte[] workbook, Consumer<Workbook> edit) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(book);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell (by reference such as "D21") on the named sheet to text, or to a formula for "=...". */
    static Consumer<Workbook> set(String sheet, String cellReference, String value) {
        return book -> {
            CellReference ref = new CellReference(cellReference);
            Row row = book.getSheet(sheet).getRow(ref.getRow());
            if (row == null) {
                row = book.getSheet(sheet).createRow(ref.getRow());
            }
            Cell cell = row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            if (value.startsWith("=")) {
                cell.setCellFormula(value.substring(1));
            } else {
                cell.setCellValue(value);
            }
        };
    }
}
