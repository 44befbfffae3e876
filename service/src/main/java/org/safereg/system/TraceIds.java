package org.safereg.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id before anything else runs (security included): the trace id of an incoming
 * W3C {@code traceparent}, else a well-formed {@code X-Request-Id}, else a new W3C-style id (32 hex digits).
 * It is in the logging MDC as {@value #MDC_KEY} for every line the request logs on its thread, in the
 * {@value #HEADER} response header, and in every problem body as {@code traceId}, so that a caller can quote
 * it and an operator find the request's log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIds extends OncePerRequestFilter {

    public static final String MDC_KEY = "traceId";
    public static final String HEADER = "X-Trace-Id";
    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID = "X-Request-Id";
    private static final String ATTRIBUTE = TraceIds.class.getName();

    /** version 00, a trace id that is not all zeros, a parent id, flags. */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    /** Whatever a gateway makes (UUIDs, hex, base64url), and nothing that could forge a log line or a header. */
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The trace id of the request this thread serves, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an async or error dispatch of the same request keeps its id
        String traceId = request.getAttribute(ATTRIBUTE) instanceof String known ? known : traceIdOf(request);
        request.setAttribute(ATTRIBUTE, traceId);
        MDC.put(MDC_KEY, traceId);
        if (!response.isCommitted()) {
            response.setHeader(HEADER, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String traceIdOf(HttpServletRequest request) {
        String parent = request.getHeader(TRACEPARENT);
        if (parent != null && parent.length() == 55) {
            String lower = parent.toLowerCase();
            if (TRACEPARENT_FORMAT.matcher(lower).matches() && !lower.startsWith("ff")) {
                return lower.substring(3, 35);
            }
        }
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId != null && REQUEST_ID_FORMAT.matcher(requestId).matches()) {
            return requestId;
        }
        return newTraceId();
    }

    static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 16; i++) {
            id[i] = HEX[(int) (high >>> (60 - 4 * i)) & 0xf];
            id[16 + i] = HEX[(int) (low >>> (60 - 4 * i)) & 0xf];
        }
        return new String(id);
    }
}
