package org.safereg.system;

import java.net.URI;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The stable {@code type} URIs of SafeReg's problem details. Clients branch on these, so a slug never
 * changes once published; add new ones instead.
 */
enum ProblemType {
    INVALID_INPUT("invalid-input", "Invalid input", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    static final String PREFIX = "urn:safereg:problem:";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(PREFIX + slug);
        this.title = title;
        this.status = status;
    }

    URI uri() {
        return uri;
    }

    HttpStatus status() {
        return status;
    }

    ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /**
     * Gives a problem created by Spring MVC itself (405, 415, ...) a SafeReg type and title in place of
     * {@code about:blank}; a status without a type of its own becomes {@code urn:safereg:problem:http-<code>}.
     */
    static void stamp(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            return;
        }
        ProblemType type = status.is5xxServerError() && status.value() != 503
                ? INTERNAL
                : Arrays.stream(values())
                        .filter(each -> each.status.value() == status.value() && each != MALFORMED_REQUEST)
                        .findFirst()
                        .orElse(null);
        if (type == null) {
            problem.setType(URI.create(PREFIX + "http-" + status.value()));
            return;
        }
        problem.setType(type.uri);
        problem.setTitle(type.title);
    }
}
