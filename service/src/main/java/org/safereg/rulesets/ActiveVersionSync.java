package org.safereg.rulesets;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps this instance on the version MySQL says is in force: woken by an activation announced on Redis (or
 * the periodic check), it compiles that version from the stored files and swaps it in. Swaps, here and by a
 * local activation, happen one at a time.
 */
class ActiveVersionSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionSync.class);

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final RuleSetCompiles compiles;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rule-set-sync");
        thread.setDaemon(true);
        return thread;
    });

    ActiveVersionSync(RuleEngine engine, RuleSetMapper mapper, RuleSetCompiles compiles) {
        this.engine = engine;
        this.mapper = mapper;
        this.compiles = compiles;
    }

    /** Asks for a check soon, off the caller's thread; requests while one is waiting are merged. */
    void requestSync() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                try {
                    syncNow();
                } catch (RuntimeException e) {
                    log.error("Could not install the active rule set", e);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${safereg.rule-sets.sync-interval:PT30S}")
    void periodicCheck() {
        requestSync();
    }

    /** Installs the version in force in MySQL when this instance runs another one. */
    void syncNow() {
        String wanted = mapper.activeVersion();
        if (wanted == null || wanted.equals(engine.version().hash())) {
            return;
        }
        long started = System.nanoTime();
        List<RuleFile> files = mapper.filesWithContent(wanted).stream()
                .map(f -> new RuleFile(f.path(), f.content()))
                .toList();
        RuleSetSnapshot snapshot = compiles.compile(files);
        boolean installed = install(snapshot, () -> wanted.equals(mapper.activeVersion()));
        if (installed) {
            log.info(
                    "Installed rule set {} announced by another instance in {} ms",
                    snapshot.version().shortHash(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Makes {@code snapshot} active when {@code stillWanted} holds at that moment (checked and swapped under
     * one lock, so that two swaps never cross).
     */
    synchronized boolean install(RuleSetSnapshot snapshot, Supplier<Boolean> stillWanted) {
        if (!stillWanted.get()) {
            return false;
        }
        swap(snapshot);
        return true;
    }

    /** A local activation: {@code record} it (in MySQL), then swap {@code snapshot} in, under the swap lock. */
    synchronized void recordAndInstall(Runnable record, RuleSetSnapshot snapshot) {
        record.run();
        swap(snapshot);
    }

    /** The version replaced stays compiled among the recent ones: rolling back to it needs no compile. */
    private void swap(RuleSetSnapshot snapshot) {
        compiles.remember(engine.active());
        engine.activate(snapshot);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
