package org.safereg.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work read or done on a thread of its own while the caller decides what it already has (the next page of
 * a simulation, the parts of an impact that do not wait for each other): a one-thread executor for one run,
 * shut down by the caller when the run ends, and the result taken back with the exception its work threw.
 */
public final class ReadAhead {

    private ReadAhead() {}

    /** One daemon thread, for one run. */
    public static ExecutorService reader(String name) {
        return readers(name, 1);
    }

    /**
     * {@code count} daemon threads named {@code name-1}, {@code name-2}..., for one run: they never keep the
     * service from stopping, and they are gone when the caller shuts them down.
     */
    public static ExecutorService readers(String name, int count) {
        AtomicInteger made = new AtomicInteger();
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, count == 1 ? name : name + "-" + made.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The future's result; the exception its work threw is rethrown as it was, not wrapped. */
    public static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
