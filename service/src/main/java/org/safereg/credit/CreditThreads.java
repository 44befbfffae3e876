package org.safereg.credit;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads of credit runs: one that runs a started job in the background, and one for each stage of a
 * full run that overlaps the evaluation (reading facts, writing MySQL, writing the read model). They stop
 * with the application context: a job cut short there is taken over through its lease.
 */
final class CreditThreads implements AutoCloseable {

    final ExecutorService background = single("credit-evaluation");
    final ExecutorService reader = single("credit-facts-reader");
    final ExecutorService writer = single("credit-results-writer");
    final ExecutorService readModelWriter = single("credit-read-model-writer");

    private static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts what runs and waits a moment for the threads to end. */
    @Override
    public void close() {
        List<ExecutorService> all = List.of(background, reader, writer, readModelWriter);
        all.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (ExecutorService executor : all) {
                executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isTerminated() {
        return background.isTerminated()
                && reader.isTerminated()
                && writer.isTerminated()
                && readModelWriter.isTerminated();
    }
}
