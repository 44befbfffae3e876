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

    static final String TOO_DEEP = "The request body nests JSON arrays or objects deeper than the 1000 levels taken";

    private BatchBodies() {}

    /**
     * The items of the batch.
     *
     * @param noun what an item is, for the messages ("readings", "position events")
     */
    public static JsonNode items(HttpServletRequest request, String field, String noun, long maxBytes, int maxItems)
            throws IOException {
        JsonNode body = read(request, maxBytes);
        JsonNode items = body.path(field);
        if (!body.isObject() || !items.isArray()) {
            String found = body.isNull()
                    ? "is JSON null"
                    : body.isArray()
                            ? "is a JSON array"
                            : !body.isObject()
                                    ? "is a single JSON value"
                                    : items.isMissingNode()
                                            ? "has no field '" + field + "'"
                                            : "has '" + field + "' that is not an array";
            throw new HttpMessageNotReadableException(
                    "The request body " + found + "; it must be a JSON object with the " + noun + " in an array '"
                            + field + "': {\"" + field + "\": [...]}.",
                    new ServletServerHttpRequest(request));
        }
        if (items.size() > maxItems) {
            throw new PayloadTooLargeException("A request may carry at most " + maxItems + " " + noun
                    + "; this one has " + items.size() + ". Split it.");
        }
        return items;
    }

    private static JsonNode read(HttpServletRequest request, long limit) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > limit) {
                drain(in, limit);
                throw new PayloadTooLargeException("The request body has " + request.getContentLengthLong()
                        + " bytes; at most " + limit + " are taken. Split the batch.");
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                drain(in, limit);
                throw new PayloadTooLargeException(
                        "The request body is larger than " + limit + " bytes. Split the batch.");
            }
        }
        if (bytes.length == 0) {
            throw new HttpMessageNotReadableException(
                    "The request body is missing.", new ServletServerHttpRequest(request));
        }
        try {
            return LENIENT.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw new HttpMessageNotReadableException(
                    TOO_DEEP + " (" + e.getOriginalMessage() + ")", e, new ServletServerHttpRequest(request));
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
        PayloadTooLargeException(String message) {
            super(message);
        }
    }
}
