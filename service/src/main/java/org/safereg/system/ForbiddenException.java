package org.safereg.system;

import org.springframework.security.access.AccessDeniedException;

/**
 * Access denied with a reason the caller can act on ("this token speaks for enterprise X"), said in the
 * caller's language. Still an {@link AccessDeniedException}, so that Spring Security treats it as one.
 */
public class ForbiddenException extends AccessDeniedException {

    private final transient Text text;

    public ForbiddenException(Text text) {
        super(text.english());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
