package org.safereg.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.safereg.system.Text;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a file a row at a time, whatever its format, and hands each row on as it is read: CSV through Commons
 * CSV, XLSX as a stream of XML events (the first worksheet; never loaded whole), JSON Lines a line at a time
 * through Jackson. Memory stays the same whatever the file's length.
 */
final class RowReaders {

    private RowReaders() {}

    /** A file that cannot be read as its format at all: said as one error of row 1. */
    static void read(Format format, Path file, Dataset<?> dataset, ImportErrors errors, Consumer<SourceRow> rows)
            throws IOException {
        switch (format) {
            case CSV -> csv(file, dataset, errors, rows);
            case XLSX -> xlsx(file, dataset, errors, rows);
            case JSONL -> jsonLines(file, dataset, errors, rows);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    private static void csv(Path file, Dataset<?> dataset, ImportErrors errors, Consumer<SourceRow> rows)
            throws IOException {
        Tabular table = new Tabular(dataset, errors, rows);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (Reader reader = withoutBom(Files.newInputStream(file));
                CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    errors.add(
                            parser.getRecordNumber() + 1,
                            null,
                            null,
                            Text.of(
                                    "exchange.csv-broken",
                                    "cannot be read as CSV: {0}",
                                    Text.english(String.valueOf(e.getMessage()))));
                    return;
                }
                // the header is row 1, as a spreadsheet program opening the file shows it
                long row = record.getRecordNumber();
                if (!table.hasHeader()) {
                    table.header(row, record.toList());
                } else {
                    table.row(row, record.toList());
                }
            }
        }
        if (!table.hasHeader()) {
            errors.add(1, null, null, Text.of("exchange.empty", "the file has no header row"));
        }
    }

    private static Reader withoutBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] start = pushback.readNBytes(3);
        boolean bom = start.length == 3
                && (start[0] & 0xFF) == 0xEF
                && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF;
        if (!bom && start.length > 0) {
            pushback.unread(start);
        }
        return new BufferedReader(new InputStreamReader(pushback, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void xlsx(Path file, Dataset<?> dataset, ImportErrors errors, Consumer<SourceRow> rows)
            throws IOException {
        Tabular table = new Tabular(dataset, errors, rows);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                errors.add(1, null, null, Text.of("exchange.empty", "the file has no header row"));
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, new SheetRows(table), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException
                | SAXException
                | ParserConfigurationException
                | org.apache.poi.UnsupportedFileFormatException
                | org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            errors.add(
                    1,
                    null,
                    null,
                    Text.of(
                            "exchange.xlsx-broken",
                            "cannot be read as an XLSX workbook: {0}",
                            Text.english(String.valueOf(e.getMessage()))));
            return;
        }
        if (!table.hasHeader() && !errors.any()) {
            errors.add(1, null, null, Text.of("exchange.empty", "the file has no header row"));
        }
    }

    /** The cells of a worksheet's rows as the SAX handler reports them, blanks filled in. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Tabular table;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Tabular table) {
            this.table = table;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!table.hasHeader()) {
                table.header(rowNum + 1L, List.copyOf(cells));
            } else {
                table.row(rowNum + 1L, new ArrayList<>(cells));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(formattedValue);
        }
    }

    /**
     * Dates as YYYY-MM-DD and plain numbers without grouping or exponent, whatever the cell's format, so that a
     * workbook saved in any locale reads the same.
     */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    private static void jsonLines(Path file, Dataset<?> dataset, ImportErrors errors, Consumer<SourceRow> rows)
            throws IOException {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (BufferedReader reader = new BufferedReader(withoutBom(Files.newInputStream(file)))) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    errors.add(
                            number,
                            null,
                            null,
                            Text.of(
                                    "exchange.json-broken",
                                    "is not a JSON object: {0}",
                                    Text.english(e.getOriginalMessage())));
                    continue;
                }
                if (node == null || !node.isObject()) {
                    errors.add(number, null, null, Text.of("exchange.json-object", "must be one JSON object"));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                boolean fine = true;
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Column column = dataset.column(field.getKey());
                    if (column == null) {
                        errors.add(
                                number,
                                null,
                                field.getKey(),
                                Text.of(
                                        "exchange.unknown-field",
                                        "is not a field of {0}; the fields are {1}",
                                        dataset.name(),
                                        String.join(", ", dataset.names())));
                        fine = false;
                        continue;
                    }
                    JsonNode value = field.getValue();
                    if (value.isContainerNode()) {
                        errors.add(
                                number, null, column.name(), Text.of("exchange.json-scalar", "must be a single value"));
                        fine = false;
                    } else if (!value.isNull()) {
                        values.put(column.name(), value.asText());
                    }
                }
                if (fine) {
                    rows.accept(new SourceRow(number, values, Map.of()));
                }
            }
        }
    }
}
