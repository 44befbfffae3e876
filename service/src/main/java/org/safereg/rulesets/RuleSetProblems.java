package org.safereg.rulesets;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.safereg.system.Languages;
import org.safereg.system.ProblemTexts;
import org.safereg.system.Text;
import org.springframework.context.MessageSource;
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

    private final ProblemTexts texts;

    RuleSetProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    @ExceptionHandler(RuleSetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RuleSetRejectedException ex, HttpServletRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, texts.say(ex.text(), request));
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
    ResponseEntity<ProblemDetail> refused(RuleFileRefusedException ex, HttpServletRequest request) {
        HttpStatus status = ex.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        // each problem is said in both languages already
        boolean chinese = Languages.CHINESE.equals(Languages.of(request));
        Text problems = Text.list(
                "; ",
                ex.problems().stream()
                        .map(p -> Text.of(
                                "input.field-colon-message",
                                "{0}: {1}",
                                p.location(),
                                chinese && p.messageZh() != null ? p.messageZh() : p.message()))
                        .toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                texts.say(
                        Text.of(
                                "rule-sets.upload-refused",
                                "The upload was refused and nothing was stored: {0}",
                                problems),
                        request));
        problem.setType(FILE_REFUSED);
        problem.setTitle("Rule file refused");
        problem.setProperty("problems", ex.problems());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
