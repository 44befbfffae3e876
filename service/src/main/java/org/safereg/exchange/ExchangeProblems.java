package org.safereg.exchange;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * An import refused for its items' errors: each listed with its row, column and field in the caller's
 * language (the first {@value ImportErrors#LISTED}), and how many there are in all.
 */
@RestControllerAdvice(assignableTypes = ExchangeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExchangeProblems {

    static final URI REJECTED = URI.create("urn:safereg:problem:import-rejected");

    private final ProblemTexts texts;

    ExchangeProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException ex, HttpServletRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, texts.say(ex.text(), request));
        problem.setType(REJECTED);
        problem.setTitle("Import rejected");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("importId", ex.importId());
        problem.setProperty("errorCount", ex.total());
        List<Map<String, Object>> errors = ex.errors().stream()
                .map(error -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("row", error.row());
                    item.put("column", error.column());
                    item.put("field", error.field());
                    item.put("message", texts.say(error.message(), request));
                    return item;
                })
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
