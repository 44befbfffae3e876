package org.safereg.changes;

import java.time.Instant;

record ChangeRow(
        long seq,
        String kind,
        String creditCode,
        String newValue,
        String previousValue,
        String detail,
        String ref,
        String ruleSetVersion,
        Instant decidedAt) {}
