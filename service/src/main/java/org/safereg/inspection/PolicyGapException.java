package org.safereg.inspection;

import org.safereg.system.Text;

/** The inspection-frequency table has no single answer for a class of enterprises. */
class PolicyGapException extends RuntimeException {

    private final transient Text text;

    PolicyGapException(Text text) {
        super(text.english());
        this.text = text;
    }

    Text text() {
        return text;
    }
}
