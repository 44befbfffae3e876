package org.safereg.enforcement;

import org.safereg.system.Text;

/** The version in force has no enforcement-discretion model, or the model could not decide. */
class DiscretionUnavailableException extends RuntimeException {

    private final transient Text text;

    DiscretionUnavailableException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    Text text() {
        return text;
    }
}
