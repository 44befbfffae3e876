package org.safereg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activating a version many times must not keep the old ones: each compile makes a class loader for the
 * rules' generated classes, and anything static that still points at it (the KIE repository, a cache, a
 * thread local) would keep every version ever activated in memory.
 */
class RuleEngineMemoryTests {

    private static final Logger log = LoggerFactory.getLogger(RuleEngineMemoryTests.class);
    private static final int ACTIVATIONS = 50;

    @Test
    void fiftyActivationsLetEveryReplacedVersionAndItsClassLoaderGo() {
        RuleEngine engine = new RuleEngine(Clock.systemUTC());
        List<RuleFile> shipped = Workbooks.shipped();
        List<RuleFile> edited = Workbooks.withEdited(
                "decision-tables/credit-scoring.xlsx", Workbooks.set("Credit scoring", "F21", "86"));
        List<WeakReference<Object>> replaced = new ArrayList<>();
        long heapAfterFirst = 0;

        for (int i = 0; i < ACTIVATIONS; i++) {
            RuleSetSnapshot snapshot = engine.compile(i % 2 == 0 ? shipped : edited);
            // each version decides before it is replaced, as under load
            snapshot.evaluate(List.of());
            engine.activate(snapshot);
            if (i == 0) {
                heapAfterFirst = usedHeapAfterGc();
            }
            if (i < ACTIVATIONS - 1) {
                replaced.add(new WeakReference<>(snapshot.classLoader()));
                replaced.add(new WeakReference<>(snapshot));
            }
        }
        long heapAfterLast = usedHeapAfterGc();

        for (int attempt = 0; attempt < 20 && replaced.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            sleep();
        }
        log.info(
                "Heap after 1 activation: {} MB; after {}: {} MB",
                heapAfterFirst / (1024 * 1024),
                ACTIVATIONS,
                heapAfterLast / (1024 * 1024));
        assertThat(replaced)
                .as("replaced snapshots and class loaders still reachable")
                .allMatch(r -> r.get() == null);
        assertThat(engine.active().classLoader()).isNotNull();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
