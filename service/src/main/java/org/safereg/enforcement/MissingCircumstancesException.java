package org.safereg.enforcement;

import java.util.List;
import org.safereg.system.Text;

/** The model needs circumstances that were not given; {@code fields} names each, as the request spells it. */
class MissingCircumstancesException extends RuntimeException {

    private final transient Text text;
    private final List<String> fields;

    MissingCircumstancesException(Text text, List<String> fields) {
        super(text.english());
        this.text = text;
        this.fields = List.copyOf(fields);
    }

    Text text() {
        return text;
    }

    List<String> fields() {
        return fields;
    }
}
