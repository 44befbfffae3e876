package org.safereg.jobs;

/** Where a job is: waiting for a worker, working, or finished one way or the other. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
