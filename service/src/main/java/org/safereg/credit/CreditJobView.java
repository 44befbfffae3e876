package org.safereg.credit;

import java.time.Instant;

/** A credit evaluation run and how far it got. */
record CreditJobView(
        long id,
        String state,
        String trigger,
        String requestedBy,
        int total,
        int processed,
        int changed,
        int failed,
        double percentDone,
        String ruleSetVersion,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    static CreditJobView of(CreditJobRecord job) {
        double percent = job.total() == 0
                ? ("RUNNING".equals(job.state()) ? 0 : 100)
                : Math.round(1000.0 * job.processed() / job.total()) / 10.0;
        return new CreditJobView(
                job.id(),
                job.state(),
                job.triggerSource(),
                job.requestedBy(),
                job.total(),
                job.processed(),
                job.changed(),
                job.failed(),
                percent,
                job.ruleSetVersion(),
                job.startedAt(),
                job.finishedAt(),
                job.error());
    }
}
