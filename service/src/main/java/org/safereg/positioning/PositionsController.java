package org.safereg.positioning;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "Personnel positions", description = "Person cards entering and leaving mine areas (人员定位)")
class PositionsController {

    private final Positions positions;
    private final PositioningProperties properties;

    PositionsController(Positions positions, PositioningProperties properties) {
        this.positions = positions;
        this.properties = properties;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasRole('SENSOR_GATEWAY')")
    @Operation(
            summary = "Push a batch of position events",
            description =
                    """
                    Body: {"positions": [{"card": "0012345", "area": "K-301", "areaType": "KEY", "action": "ENTER", \
                    "at": "2026-01-01T08:00:00Z"}, ...]} (areaType is optional; when given it must match the \
                    registered area). Each event is judged on its own: the good ones are taken, and the answer lists \
                    every refused one with its index, a reason code and why, and the alarm changes with the person \
                    cards they name. A body that is not such an object is refused with 400, one too large with 413.""")
    PositionResult push(HttpServletRequest request) throws IOException {
        JsonNode body = read(request);
        JsonNode items = body.path("positions");
        if (!body.isObject() || !items.isArray()) {
            throw new HttpMessageNotReadableException(
                    "The request body must be a JSON object with an array 'positions'.",
                    new ServletServerHttpRequest(request));
        }
        if (items.size() > properties.maxBatch()) {
            throw new TooLargeException("A request may carry at most " + properties.maxBatch()
                    + " position events; this one has " + items.size() + ". Split it.");
        }
        return positions.ingest(items);
    }

    private JsonNode read(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodyBytes();
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > limit) {
                drain(in, limit);
                throw new TooLargeException("The request body has " + request.getContentLengthLong()
                        + " bytes; at most " + limit + " are taken. Split the batch.");
            }
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                drain(in, limit);
                throw new TooLargeException("The request body is larger than " + limit + " bytes. Split the batch.");
            }
        }
        if (bytes.length == 0) {
            throw new HttpMessageNotReadableException(
                    "The request body is missing.", new ServletServerHttpRequest(request));
        }
        try {
            return PositionsJson.parse(bytes);
        } catch (JsonParseException e) {
            throw new HttpMessageNotReadableException(e.getOriginalMessage(), e, new ServletServerHttpRequest(request));
        }
    }

    /** Reads and drops a moderately oversized body so that the client, still sending, can read the 413. */
    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = 4 * limit;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= n;
        }
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(TooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        problem.setType(URI.create("urn:safereg:problem:payload-too-large"));
        problem.setTitle("Payload too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
