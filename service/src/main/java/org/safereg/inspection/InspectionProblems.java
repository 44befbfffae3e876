package org.safereg.inspection;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safereg.jobs.JobFailureProblems;
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
 * The problems only plans have: an infeasible plan names each uncovered item, a policy gap the class. A plan
 * made as a job that fails for one of them keeps the same problem.
 */
@RestControllerAdvice(assignableTypes = InspectionPlanController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionProblems implements JobFailureProblems {

    static final URI INFEASIBLE = URI.create("urn:safereg:problem:infeasible-plan");
    static final URI POLICY_GAP = URI.create("urn:safereg:problem:policy-gap");

    private final ProblemTexts texts;

    InspectionProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    @ExceptionHandler(InfeasiblePlanException.class)
    ResponseEntity<ProblemDetail> infeasible(InfeasiblePlanException ex, HttpServletRequest request) {
        ProblemDetail problem = infeasible(ex, texts.say(ex.text(), request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(PolicyGapException.class)
    ResponseEntity<ProblemDetail> policyGap(PolicyGapException ex, HttpServletRequest request) {
        ProblemDetail problem = policyGap(texts.say(ex.text(), request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A plan made as a job has no request to ask for a language: its problem is in English. */
    @Override
    public Optional<ProblemDetail> problemOf(Throwable failure) {
        if (failure instanceof InfeasiblePlanException infeasible) {
            return Optional.of(infeasible(infeasible, infeasible.getMessage()));
        }
        if (failure instanceof PolicyGapException gap) {
            return Optional.of(policyGap(gap.getMessage()));
        }
        return Optional.empty();
    }

    private static ProblemDetail infeasible(InfeasiblePlanException ex, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
        problem.setType(INFEASIBLE);
        problem.setTitle("Infeasible plan");
        problem.setProperty("mandatory", ex.mandatory());
        problem.setProperty("capacity", ex.capacity());
        List<Map<String, Object>> uncovered = ex.uncovered().stream()
                .map(u -> Map.<String, Object>of(
                        "enterprise", u.item().enterprise().creditCode(),
                        "name", u.item().enterprise().name(),
                        "region", u.item().enterprise().regionCode(),
                        "dueFrom", u.item().dueFrom().toString(),
                        "dueTo", u.item().dueTo().toString(),
                        "reason", u.reason()))
                .toList();
        problem.setProperty("uncovered", uncovered);
        return problem;
    }

    private static ProblemDetail policyGap(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(POLICY_GAP);
        problem.setTitle("The active rule set cannot decide");
        return problem;
    }
}
