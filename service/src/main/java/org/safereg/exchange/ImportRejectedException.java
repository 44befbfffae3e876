package org.safereg.exchange;

import java.util.List;
import org.safereg.system.Text;

/** An import with errors, refused whole: nothing of it was written. */
class ImportRejectedException extends RuntimeException {

    private final transient Text text;
    private final transient List<ItemError> errors;
    private final long total;
    private final long importId;

    ImportRejectedException(Text text, List<ItemError> errors, long total, long importId) {
        super(text.english());
        this.text = text;
        this.errors = List.copyOf(errors);
        this.total = total;
        this.importId = importId;
    }

    Text text() {
        return text;
    }

    List<ItemError> errors() {
        return errors;
    }

    long total() {
        return total;
    }

    long importId() {
        return importId;
    }
}
