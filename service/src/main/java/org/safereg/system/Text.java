package org.safereg.system;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A sentence said to a caller (a problem's {@code detail}, a field's message) in the caller's language. Its
 * English is written where it is said, with {@code {0}}, {@code {1}} ... standing for its values, and is
 * what the exception's message, the logs and an English caller get; its other languages live under its key
 * in {@code messages_<locale>.properties}. A value may itself be a {@code Text}, said in the same language.
 */
public final class Text {

    /** Joins the parts of a {@link #list}; a language may say it differently. */
    static final String LIST_SEPARATOR = "text.list-separator";

    private final String key;
    private final String english;
    private final Object[] args;
    private final List<Text> parts;

    private Text(String key, String english, Object[] args, List<Text> parts) {
        this.key = key;
        this.english = english;
        this.args = args;
        this.parts = parts;
    }

    /**
     * @param key where its translations are found, e.g. {@code hazards.unknown}
     * @param english the English with {@code {0}} ... for the values (substituted as they are: no number or
     *     date formatting, no quoting rules)
     */
    public static Text of(String key, String english, Object... args) {
        return new Text(key, english, args.clone(), null);
    }

    /** Said in English only: words taken from elsewhere (a driver, a rule file) that have no translation. */
    public static Text english(String text) {
        return new Text(null, text, new Object[0], null);
    }

    /** The parts one after another, {@code separator} between them in English. */
    public static Text list(String separator, List<Text> parts) {
        return new Text(null, separator, new Object[0], List.copyOf(parts));
    }

    /** As an English caller reads it. */
    public String english() {
        if (parts != null) {
            StringBuilder joined = new StringBuilder();
            for (Text part : parts) {
                joined.append(joined.isEmpty() ? "" : english).append(part.english());
            }
            return joined.toString();
        }
        if (key == null || args.length == 0) {
            return english;
        }
        String[] values = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof Text text ? text.english() : String.valueOf(args[i]);
        }
        return substitute(english, values);
    }

    /** As a caller reading {@code locale} reads it; English wherever no translation is known. */
    public String in(Locale locale, MessageSource messages) {
        if (Languages.isEnglish(locale)) {
            return english();
        }
        if (parts != null) {
            String separator = messages.getMessage(LIST_SEPARATOR, null, english, locale);
            StringBuilder joined = new StringBuilder();
            for (Text part : parts) {
                joined.append(joined.isEmpty() ? "" : separator).append(part.in(locale, messages));
            }
            return joined.toString();
        }
        if (key == null) {
            return english;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // strings, so that the translation shows each value exactly as the English does
            values[i] = args[i] instanceof Text text ? text.in(locale, messages) : String.valueOf(args[i]);
        }
        String translated = messages.getMessage(key, values, null, locale);
        return translated == null ? english() : translated;
    }

    @Override
    public String toString() {
        return english();
    }

    /** One pass over the pattern: a value that itself contains {@code {1}} is left as it is. */
    private static String substitute(String pattern, String[] values) {
        StringBuilder out = new StringBuilder(pattern.length() + 16 * values.length);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1) {
                String index = pattern.substring(i + 1, close);
                if (index.chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(index);
                    if (n < values.length) {
                        out.append(values[n]);
                        i = close + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
