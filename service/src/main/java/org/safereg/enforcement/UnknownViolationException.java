package org.safereg.enforcement;

import org.safereg.system.Text;

/** The model in force knows no measures for this article (and item) of the Work Safety Law. */
class UnknownViolationException extends RuntimeException {

    private final transient Text text;
    private final String field;
    private final Integer article;
    private final Integer item;

    UnknownViolationException(Text text, String field, Integer article, Integer item) {
        super(text.english());
        this.text = text;
        this.field = field;
        this.article = article;
        this.item = item;
    }

    Text text() {
        return text;
    }

    String field() {
        return field;
    }

    Integer article() {
        return article;
    }

    Integer item() {
        return item;
    }
}
