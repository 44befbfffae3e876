package org.safereg.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The problem a failed job keeps: RFC 9457 members, as the API answers a failed request, stored as JSON in the
 * job's row. A failure that a feature knows ({@link JobFailureProblems}) or that carries its own problem (an
 * {@link ErrorResponse}) keeps that problem; anything else is logged as an incident, whose number it names.
 */
final class JobProblems {

    static final String FAILED = "urn:safereg:problem:job-failed";
    static final String ABANDONED = "urn:safereg:problem:job-abandoned";

    private static final Logger log = LoggerFactory.getLogger(JobProblems.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper json;
    private final ObjectProvider<JobFailureProblems> features;

    JobProblems(ObjectMapper json, ObjectProvider<JobFailureProblems> features) {
        this.json = json;
        this.features = features;
    }

    /** The job's work ended and says itself why it failed. */
    String failed(long job, String detail) {
        return write(problem(FAILED, "Job failed", 500, detail, job));
    }

    String failed(long job, Throwable failure) {
        Optional<ProblemDetail> known = features.orderedStream()
                .map(feature -> feature.problemOf(failure))
                .flatMap(Optional::stream)
                .findFirst();
        if (known.isEmpty() && failure instanceof ErrorResponse carried) {
            known = Optional.of(carried.getBody());
        }
        if (known.isPresent()) {
            ProblemDetail body = known.get();
            Map<String, Object> problem = problem(
                    body.getType() == null ? FAILED : body.getType().toString(),
                    body.getTitle(),
                    body.getStatus(),
                    body.getDetail(),
                    job);
            if (body.getProperties() != null) {
                problem.putAll(body.getProperties());
            }
            return write(problem);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Job {} failed (incident {})", job, incident, failure);
        Map<String, Object> problem = problem(
                FAILED,
                "Job failed",
                500,
                "An unexpected error stopped this job. It has been logged as incident " + incident
                        + "; please quote that number when you report it.",
                job);
        problem.put("incident", incident);
        return write(problem);
    }

    String abandoned(long job) {
        return write(problem(
                ABANDONED,
                "Job abandoned",
                503,
                "The instance running this job stopped before it finished. Start the job again if it is still"
                        + " needed; credit and risk runs are started again by themselves.",
                job));
    }

    Map<String, Object> read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable problem of a job", e);
        }
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail, long job) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "/api/v1/jobs/" + job);
        return problem;
    }

    private String write(Map<String, Object> problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem not writable as JSON", e);
        }
    }
}
