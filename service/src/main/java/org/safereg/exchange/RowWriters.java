package org.safereg.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes rows to a stream as they come, in the same columns a file to import has: CSV (UTF-8 with a byte-order
 * mark, which spreadsheet programs need to read Chinese), XLSX through SXSSF (a window of rows in memory, the
 * rest on disk until the workbook is written out) and JSON Lines.
 */
interface RowWriters extends AutoCloseable {

    void row(List<Object> values);

    /** Ends the file; the stream stays open for its owner. */
    @Override
    void close();

    static RowWriters open(Format format, List<String> header, OutputStream out) {
        try {
            return switch (format) {
                case CSV -> new Csv(header, out);
                case XLSX -> new Xlsx(header, out);
                case JSONL -> new JsonLines(header, out);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Csv implements RowWriters {

        private final CSVPrinter printer;

        Csv(List<String> header, OutputStream out) throws IOException {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180);
            printer.printRecord(header);
        }

        @Override
        public void row(List<Object> values) {
            try {
                for (Object value : values) {
                    printer.print(
                            value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Xlsx implements RowWriters {

        /** Rows kept in memory; the rest are flushed to a temporary file until the workbook is written. */
        private static final int WINDOW = 200;

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private final CellStyle dates;
        private final OutputStream out;
        private int next;

        Xlsx(List<String> header, OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet("data");
            dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row(List.copyOf(header));
        }

        @Override
        public void row(List<Object> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof Number number) {
                    cell.setCellValue(new BigDecimal(number.toString()).doubleValue());
                } else if (value instanceof Boolean bool) {
                    cell.setCellValue(bool);
                } else if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dates);
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    workbook.close();
                } catch (IOException e) {
                    // the temporary files are gone with the workbook; nothing more to do
                }
            }
        }
    }

    final class JsonLines implements RowWriters {

        private final List<String> names;
        private final JsonGenerator json;

        JsonLines(List<String> names, OutputStream out) throws IOException {
            this.names = names;
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        }

        @Override
        public void row(List<Object> values) {
            try {
                json.writeStartObject();
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    json.writeFieldName(names.get(i));
                    if (value instanceof Integer n) {
                        json.writeNumber(n);
                    } else if (value instanceof BigDecimal d) {
                        json.writeNumber(d);
                    } else if (value instanceof Boolean b) {
                        json.writeBoolean(b);
                    } else {
                        json.writeString(value.toString());
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
