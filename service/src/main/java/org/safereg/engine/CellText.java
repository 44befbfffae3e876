package org.safereg.engine;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;

/**
 * A cell as its author sees it in Excel: the displayed value, or {@code =...} for a formula; "" when blank.
 * What an author cannot see is taken away: no-break, ideographic and zero-width spaces around the text
 * (LibreOffice and Chinese input methods leave them), and a number typed in full-width characters (３０,
 * －５．５) reads as the number it shows.
 */
public final class CellText {

    private static final DataFormatter FORMATTER = new DataFormatter();
    private static final Pattern EDGE_SPACES = Pattern.compile(
            "^[\\s\\u00A0\\u2007\\u202F\\u3000\\u200B\\u200C\\u200D\\uFEFF]+|[\\s\\u00A0\\u2007\\u202F\\u3000\\u200B\\u200C\\u200D\\uFEFF]+$");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?%?");

    private CellText() {}

    public static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        return clean(FORMATTER.formatCellValue(cell));
    }

    /** The text without invisible spaces at its ends, and a full-width number in ordinary digits. */
    public static String clean(String text) {
        String trimmed = EDGE_SPACES.matcher(text).replaceAll("");
        if (trimmed.isEmpty() || NUMBER.matcher(trimmed).matches()) {
            return trimmed;
        }
        String folded = Normalizer.normalize(trimmed, Normalizer.Form.NFKC).replace('\u2212', '-');
        return NUMBER.matcher(folded).matches() ? folded : trimmed;
    }
}
