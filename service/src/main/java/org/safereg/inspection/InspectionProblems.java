package org.safereg.inspection;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safereg.jobs.JobFailureProblems;
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

    @ExceptionHandler(InfeasiblePlanException.class)
    ResponseEntity<ProblemDetail> infeasible(InfeasiblePlanException ex, HttpServletRequest request) {
        ProblemDetail problem = infeasible(ex);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(PolicyGapException.class)
    ResponseEntity<ProblemDetail> policyGap(PolicyGapException ex, HttpServletRequest request) {
        ProblemDetail problem = policyGap(ex);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    public Optional<ProblemDetail> problemOf(Throwable failure) {
        if (failure instanceof InfeasiblePlanException infeasible) {
            return Optional.of(infeasible(infeasible));
        }
        if (failure instanceof PolicyGapException gap) {
            return Optional.of(policyGap(gap));
        }
        return Optional.empty();
    }

    private static ProblemDetail infeasible(InfeasiblePlanException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
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

    private static ProblemDetail policyGap(PolicyGapException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(POLICY_GAP);
        problem.setTitle("The active rule set cannot decide");
        return problem;
    }
}
