package org.safereg.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;

/**
 * Says a problem in the caller's language ({@link Languages}): the {@code detail} from a {@link Text}, the
 * {@code title} from the problem's type ({@code problem.title.<slug>} in the messages), and adds the
 * request's {@code traceId}. English texts are never looked up: they stay exactly as written in the code.
 */
public final class ProblemTexts {

    static final String TITLE = "problem.title.";

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code text} as the caller of {@code request} reads it. */
    public String say(Text text, HttpServletRequest request) {
        return text.in(Languages.of(request), messages);
    }

    String say(Text text, Locale locale) {
        return text.in(locale, messages);
    }

    /** The title in the caller's language, and the trace id; run on every problem SafeReg answers. */
    void finish(ProblemDetail problem, HttpServletRequest request) {
        Locale locale = Languages.of(request);
        URI type = problem.getType();
        if (!Languages.isEnglish(locale) && type != null && type.toString().startsWith(ProblemType.PREFIX)) {
            String slug = type.toString().substring(ProblemType.PREFIX.length());
            String title = messages.getMessage(TITLE + slug, null, null, locale);
            if (title != null) {
                problem.setTitle(title);
            }
        }
        String traceId = TraceIds.current();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
    }
}
