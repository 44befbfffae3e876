package org.safereg.credit;

import java.time.Instant;

/** A credit evaluation run and its progress, as any instance can read it. */
record CreditJobRecord(
        long id,
        String triggerSource,
        String requestedBy,
        String state,
        int total,
        int processed,
        int changed,
        int failed,
        String ruleSetVersion,
        Instant startedAt,
        Instant finishedAt,
        String error) {}
