package org.safereg.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language SafeReg answers a caller in: Simplified Chinese when {@code Accept-Language} prefers it
 * ({@code zh}, {@code zh-CN}, {@code zh-Hans}, {@code zh-SG}) over English, English otherwise, also when the
 * header is missing, whatever the server's own locale. As the web layer's locale resolver it also decides
 * the language of Bean Validation's messages.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class Languages implements LocaleResolver {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** The caller's language: {@link #ENGLISH} or {@link #CHINESE}. */
    public static Locale of(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            // the container would answer with the server's locale
            return ENGLISH;
        }
        // in the caller's order of preference (quality values)
        for (Enumeration<Locale> locales = request.getLocales(); locales.hasMoreElements(); ) {
            Locale locale = locales.nextElement();
            if ("en".equals(locale.getLanguage())) {
                return ENGLISH;
            }
            if ("zh".equals(locale.getLanguage()) && simplified(locale)) {
                return CHINESE;
            }
        }
        return ENGLISH;
    }

    static boolean isEnglish(Locale locale) {
        return locale == null || !"zh".equals(locale.getLanguage());
    }

    private static boolean simplified(Locale locale) {
        if (!locale.getScript().isEmpty()) {
            return "Hans".equals(locale.getScript());
        }
        String country = locale.getCountry();
        return country.isEmpty() || "CN".equals(country) || "SG".equals(country);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return of(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language follows the Accept-Language header");
    }
}
