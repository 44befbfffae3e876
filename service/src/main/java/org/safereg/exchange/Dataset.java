package org.safereg.exchange;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.safereg.enterprise.BatchOutcome;

/**
 * One kind of fact exchanged: its columns, how a row becomes an entry and an entry a row, its natural key, and
 * the owner's APIs that write a chunk of entries and read them all.
 *
 * @param name as in the path, e.g. accidents
 * @param parse the entry a row's fields make, or null when a field is wrong (the fields say what)
 * @param creditCode the enterprise an entry is about; null for the register itself
 */
record Dataset<T>(
        String name,
        List<Column> columns,
        BiFunction<Fields, ImportContext, T> parse,
        Function<T, List<Object>> cells,
        Function<T, Object> key,
        Function<T, String> creditCode,
        Function<List<T>, BatchOutcome> write,
        Consumer<Consumer<T>> forEach) {

    boolean isRegister() {
        return "enterprises".equals(name);
    }

    Column column(String nameOrLabel) {
        for (Column column : columns) {
            if (column.name().equalsIgnoreCase(nameOrLabel) || column.label().equals(nameOrLabel)) {
                return column;
            }
        }
        return null;
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
