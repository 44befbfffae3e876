package org.safereg.enforcement;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.safereg.system.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems only enforcement decisions have, wherever they are asked for (a what-if, or a task's result whose
 * violations the model cannot decide): an unknown article or item, missing circumstances, no usable model.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnforcementProblems {

    static final URI UNKNOWN_VIOLATION = URI.create("urn:safereg:problem:unknown-violation");
    static final URI MISSING_CIRCUMSTANCES = URI.create("urn:safereg:problem:missing-circumstances");
    static final URI MODEL_UNAVAILABLE = URI.create("urn:safereg:problem:enforcement-model-unavailable");

    private final ProblemTexts texts;

    EnforcementProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    @ExceptionHandler(UnknownViolationException.class)
    ResponseEntity<ProblemDetail> unknownViolation(UnknownViolationException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_ENTITY, UNKNOWN_VIOLATION, "Unknown violation", texts.say(ex.text(), request));
        problem.setProperty("field", ex.field());
        problem.setProperty("article", ex.article());
        problem.setProperty("item", ex.item());
        return answer(problem, request);
    }

    @ExceptionHandler(MissingCircumstancesException.class)
    ResponseEntity<ProblemDetail> missing(MissingCircumstancesException ex, HttpServletRequest request) {
        ProblemDetail problem = problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                MISSING_CIRCUMSTANCES,
                "Missing circumstances",
                texts.say(ex.text(), request));
        problem.setProperty("missing", ex.fields());
        return answer(problem, request);
    }

    @ExceptionHandler(DiscretionUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(DiscretionUnavailableException ex, HttpServletRequest request) {
        return answer(
                problem(
                        HttpStatus.CONFLICT,
                        MODEL_UNAVAILABLE,
                        "The rule set in force cannot decide enforcement measures",
                        texts.say(ex.text(), request)),
                request);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
