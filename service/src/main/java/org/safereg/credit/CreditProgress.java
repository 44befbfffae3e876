package org.safereg.credit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What an evaluation has done so far, updated from the stages that overlap in a full run. */
final class CreditProgress {

    final int total;
    final AtomicInteger processed = new AtomicInteger();
    final AtomicInteger changed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger rewritten = new AtomicInteger();
    final AtomicReference<String> firstError = new AtomicReference<>();
    final AtomicLong readNanos = new AtomicLong();
    final AtomicLong evaluateNanos = new AtomicLong();
    final AtomicLong mysqlNanos = new AtomicLong();
    final AtomicLong readModelNanos = new AtomicLong();

    CreditProgress(int total) {
        this.total = total;
    }

    /** An enterprise the rules could not decide: it keeps its previous credit. */
    void failed(String creditCode, String reason) {
        failed.incrementAndGet();
        firstError.compareAndSet(null, creditCode + ": " + reason);
    }
}
