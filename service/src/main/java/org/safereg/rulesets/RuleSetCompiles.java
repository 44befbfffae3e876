package org.safereg.rulesets;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetCompilationException;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.ConflictException;
import org.safereg.system.Text;

/**
 * Compiles versions one at a time off the request threads (a compile takes seconds and hundreds of
 * megabytes), with a bound on how long a request waits and how many may queue. The last few snapshots
 * compiled or replaced are kept by content hash, so activating the candidate just uploaded, or rolling back
 * to the version just replaced, swaps at once instead of compiling again; the bound keeps memory flat
 * however many activations there are.
 */
final class RuleSetCompiles implements AutoCloseable {

    private final RuleEngine engine;
    private final Duration timeout;
    private final ThreadPoolExecutor executor;
    private final Map<String, RuleSetSnapshot> recent;

    RuleSetCompiles(RuleEngine engine, Duration timeout, int retained) {
        this.engine = engine;
        this.timeout = timeout;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RuleSetSnapshot> eldest) {
                return size() > retained;
            }
        };
        this.executor =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(4), runnable -> {
                    Thread thread = new Thread(runnable, "rule-set-compile");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Throws the engine's RuleSetCompilationException when the files do not compile. */
    RuleSetSnapshot compile(List<RuleFile> files) {
        RuleSetSnapshot known = recent(RuleEngine.contentHash(files));
        if (known != null) {
            return known;
        }
        RuleSetSnapshot snapshot = compileNow(files);
        remember(snapshot);
        return snapshot;
    }

    /**
     * A version stored earlier: it compiled then, so a compile failure now (an engine upgrade, a changed
     * import) is a conflict with the version's state, not bad input.
     */
    RuleSetSnapshot compileStored(String version, List<RuleFile> files) {
        try {
            return compile(files);
        } catch (RuleSetCompilationException e) {
            throw new ConflictException(
                    Text.of(
                            "rule-sets.no-longer-compiles",
                            "Rule set {0} no longer compiles: {1}",
                            version,
                            e.getMessage()),
                    e);
        }
    }

    /** Keeps {@code snapshot} among the recent ones, e.g. the one an activation is about to replace. */
    void remember(RuleSetSnapshot snapshot) {
        synchronized (recent) {
            recent.put(snapshot.version().hash(), snapshot);
        }
    }

    private RuleSetSnapshot recent(String version) {
        synchronized (recent) {
            return recent.get(version);
        }
    }

    private RuleSetSnapshot compileNow(List<RuleFile> files) {
        Future<RuleSetSnapshot> compiled;
        try {
            compiled = executor.submit(() -> engine.compile(files));
        } catch (RejectedExecutionException e) {
            throw new ConflictException(Text.of(
                    "rule-sets.compiler-busy",
                    "SafeReg is compiling several other rule sets right now; send this again in a minute."));
        }
        try {
            return compiled.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            compiled.cancel(true);
            throw new ConflictException(Text.of(
                    "rule-sets.compile-timeout",
                    "Compiling this rule set took longer than {0} s and was stopped; nothing was stored or activated.",
                    timeout.toSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
