package org.safereg.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;
import org.safereg.system.Text;

/**
 * The rows of a table with a header row (CSV, a worksheet): the header names the columns, by name or Chinese
 * label, in any order; every later row becomes a {@link SourceRow} with each value under its column's name.
 * A header that names an unknown column, names one twice or leaves out a required one is an error of row 1.
 */
final class Tabular {

    private final Dataset<?> dataset;
    private final ImportErrors errors;
    private final Consumer<SourceRow> rows;
    /** Column index → the dataset's column name, null for a column the header leaves empty. */
    private List<String> names;

    private Map<String, String> letters;
    private boolean headerOk;

    Tabular(Dataset<?> dataset, ImportErrors errors, Consumer<SourceRow> rows) {
        this.dataset = dataset;
        this.errors = errors;
        this.rows = rows;
    }

    boolean hasHeader() {
        return names != null;
    }

    /** The header, at spreadsheet row {@code row}. */
    void header(long row, List<String> cells) {
        names = new ArrayList<>();
        letters = new HashMap<>();
        Set<String> seen = new HashSet<>();
        headerOk = true;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip().replace("\uFEFF", "");
            String letter = CellReference.convertNumToColString(i);
            if (cell.isEmpty()) {
                names.add(null);
                continue;
            }
            Column column = dataset.column(cell);
            if (column == null) {
                errors.add(
                        row,
                        letter,
                        cell,
                        Text.of(
                                "exchange.unknown-column",
                                "is not a column of {0}; the columns are {1}",
                                dataset.name(),
                                String.join(", ", dataset.names())));
                headerOk = false;
                names.add(null);
            } else if (!seen.add(column.name())) {
                errors.add(row, letter, column.name(), Text.of("exchange.column-twice", "is named twice"));
                headerOk = false;
                names.add(null);
            } else {
                names.add(column.name());
                letters.put(column.name(), letter);
            }
        }
        for (Column column : dataset.columns()) {
            if (column.required() && !seen.contains(column.name())) {
                errors.add(row, null, column.name(), Text.of("exchange.missing-column", "is a required column"));
                headerOk = false;
            }
        }
    }

    /** A row after the header; a row with no value at all is skipped. */
    void row(long row, List<String> cells) {
        if (!headerOk) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        boolean any = false;
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            any = true;
            String name = i < names.size() ? names.get(i) : null;
            if (name == null) {
                errors.add(
                        row,
                        CellReference.convertNumToColString(i),
                        null,
                        Text.of("exchange.value-without-column", "has a value but no column name in the header"));
                continue;
            }
            values.put(name, value);
        }
        if (any) {
            rows.accept(new SourceRow(row, values, letters));
        }
    }
}
