package org.safereg.jobs;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every instance now and then: a job whose instance died (no heartbeat for longer than the lease) is marked
 * FAILED with a problem saying so, and finished jobs older than {@code safereg.jobs.keep} are forgotten.
 */
class JobSweep {

    private final Jobs jobs;
    private final JobsProperties properties;
    private final Clock clock;

    JobSweep(Jobs jobs, JobsProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${safereg.jobs.sweep:PT15S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "jobs-sweep", lockAtMostFor = "PT1M")
    void sweep() {
        jobs.abandonSilent();
        jobs.forgetFinishedBefore(Instant.now(clock).minus(properties.keep()));
    }
}
