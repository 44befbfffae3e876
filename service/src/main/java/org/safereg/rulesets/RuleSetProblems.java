package org.safereg.rulesets;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The rule-set problems, each listing every located problem under {@code problems}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleSetProblems {

    static final URI REJECTED = URI.create("urn:safereg:problem:rule-set-rejected");
    static final URI FILE_REFUSED = URI.create("urn:safereg:problem:rule-file-refused");

    @ExceptionHandler(RuleSetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RuleSetRejectedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setType(REJECTED);
        problem.setTitle("Rule set rejected");
        problem.setProperty("version", ex.version());
        problem.setProperty("problems", ex.problems());
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.LOCATION, "/api/v1/rule-sets/" + ex.version())
                .body(problem);
    }

    @ExceptionHandler(RuleFileRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RuleFileRefusedException ex) {
        HttpStatus status = ex.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "The upload was refused and nothing was stored: "
                        + ex.problems().stream()
                                .map(p -> p.location() + ": " + p.message())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""));
        problem.setType(FILE_REFUSED);
        problem.setTitle("Rule file refused");
        problem.setProperty("problems", ex.problems());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
