package org.safereg.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * Reads the body of a batch that gateways send, {@code {"<field>": [...]}}, as a tree so that each item
 * can be judged on its own: a body over the limit is refused (413) before it is parsed, one that is not
 * such an object is a 400.
 */
public final class BatchBodies {

    /** Gateways send NaN and Infinity as bare tokens; they are a bad item, not a bad request. */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final String NESTED_TOO_DEEP =
            "The request body nests JSON arrays or objects deeper than the 1000 levels taken";
    static final Text TOO_DEEP = Text.of("body.too-deep", NESTED_TOO_DEEP + ".");

    private BatchBodies() {}

    /**
     * The items of the batch.
     *
     * @param noun what an item is, for the messages ("readings", "position events")
     */
    public static JsonNode items(HttpServletRequest request, String field, String noun, long maxBytes, int maxItems)
            throws IOException {
        JsonNode body = read(request, maxBytes);
        // the batch's field names what it carries: its translation is found under it
        Text what = Text.of("body.items." + field, noun);
        JsonNode items = body.path(field);
        if (!body.isObject() || !items.isArray()) {
            Text found = body.isNull()
                    ? Text.of("body.found.null", "is JSON null")
                    : body.isArray()
                            ? Text.of("body.found.array", "is a JSON array")
                            : !body.isObject()
                                    ? Text.of("body.found.value", "is a single JSON value")
                                    : items.isMissingNode()
                                            ? Text.of("body.found.no-field", "has no field '{0}'", field)
                                            : Text.of("body.found.not-array", "has '{0}' that is not an array", field);
            throw new UnreadableBodyException(
                    Text.of(
                            "body.not-a-batch",
                            "The request body {0}; it must be a JSON object with the {1} in an array '{2}': {3}.",
                            found,
                            what,
                            field,
                            "{\"" + field + "\": [...]}"),
                    request);
        }
        if (items.size() > maxItems) {
            throw new PayloadTooLargeException(Text.of(
                    "body.too-many-items",
                    "A request may carry at most {0} {1}; this one has {2}. Split it.",
                    maxItems,
                    what,
                    items.size()));
        }
        return items;
    }

    private static JsonNode read(HttpServletRequest request, long limit) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > limit) {
                drain(in, limit);
                throw new PayloadTooLargeException(Text.of(
                        "body.too-many-bytes",
                        "The request body has {0} bytes; at most {1} are taken. Split the batch.",
                        request.getContentLengthLong(),
                        limit));
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                drain(in, limit);
                throw new PayloadTooLargeException(Text.of(
                        "body.larger-than", "The request body is larger than {0} bytes. Split the batch.", limit));
            }
        }
        if (bytes.length == 0) {
            throw new UnreadableBodyException(Text.of("body.empty", "The request body is missing."), request);
        }
        try {
            return LENIENT.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new HttpMessageNotReadableException(
                    NESTED_TOO_DEEP + " (" + e.getOriginalMessage() + ")", e, new ServletServerHttpRequest(request));
        } catch (JsonParseException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
    }

    /**
     * Reads and drops a moderately oversized body so that the client, still sending, can read the 413
     * instead of a reset connection; a body far beyond the limit is cut off.
     */
    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = 4 * limit;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    /** A batch too large to take; answered with 413. */
    public static final class PayloadTooLargeException extends RuntimeException {

        private final transient Text text;

        public PayloadTooLargeException(Text text) {
            super(text.english());
            this.text = text;
        }

        Text text() {
            return text;
        }
    }

    /** A body that is not the batch this request takes; answered with 400 saying what was expected. */
    static final class UnreadableBodyException extends HttpMessageNotReadableException {

        private final transient Text text;

        UnreadableBodyException(Text text, HttpServletRequest request) {
            super(text.english(), new ServletServerHttpRequest(request));
            this.text = text;
        }

        Text text() {
            return text;
        }
    }
}
