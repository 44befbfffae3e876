package org.safereg.exchange;

import java.io.OutputStream;

/** Writes every entry of a dataset to a stream as the owner's cursor reads it. */
final class DataExports {

    private DataExports() {}

    static <T> void write(Dataset<T> dataset, Format format, OutputStream out) {
        try (RowWriters writer = RowWriters.open(format, dataset.names(), out)) {
            dataset.forEach().accept(entry -> writer.row(dataset.cells().apply(entry)));
        }
    }
}
