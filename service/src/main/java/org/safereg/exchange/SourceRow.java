package org.safereg.exchange;

import java.util.Map;

/**
 * One row read from a file, before it means anything: its number as the file counts it (a spreadsheet's row,
 * the header being row 1; a JSON Lines file's line), each column's text by column name, and where each column
 * is (a spreadsheet column letter; none in JSON Lines).
 */
record SourceRow(long row, Map<String, String> values, Map<String, String> columns) {

    String value(String name) {
        return values.get(name);
    }

    String column(String name) {
        return columns.get(name);
    }
}
