package org.safereg.jobs;

import java.util.Optional;
import org.springframework.http.ProblemDetail;

/**
 * A feature's word on how its own exceptions read when they stop a job: the problem its API would answer for
 * them (an infeasible plan, a policy gap). A failure no feature knows is an incident.
 */
public interface JobFailureProblems {

    Optional<ProblemDetail> problemOf(Throwable failure);
}
