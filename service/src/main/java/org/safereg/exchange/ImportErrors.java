package org.safereg.exchange;

import java.util.ArrayList;
import java.util.List;
import org.safereg.system.Text;

/** The errors of an import: every one counted, the first {@link #LISTED} kept to be listed. */
final class ImportErrors {

    static final int LISTED = 100;

    private final List<ItemError> listed = new ArrayList<>();
    private long total;

    void add(long row, String column, String field, Text message) {
        total++;
        if (listed.size() < LISTED) {
            listed.add(new ItemError(row, column, field, message));
        }
    }

    void add(SourceRow row, String field, Text message) {
        add(row.row(), row.column(field), field, message);
    }

    boolean any() {
        return total > 0;
    }

    long total() {
        return total;
    }

    List<ItemError> listed() {
        return List.copyOf(listed);
    }
}
