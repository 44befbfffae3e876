package org.safereg.engine;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the rules: holds the active {@link RuleSetSnapshot} and replaces it atomically when
 * a new version has compiled. Callers take {@link #active()} once per unit of work and evaluate on it.
 */
public class RuleEngine {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleSetSnapshot> active = new AtomicReference<>();

    public RuleEngine(Clock clock) {
        this.compiler = new RuleSetCompiler(clock);
    }

    /** Compiles {@code files} without activating them; throws with every located problem. */
    public RuleSetSnapshot compile(List<RuleFile> files) {
        long started = System.nanoTime();
        // KIE looks its services up through the context class loader (see RuleSetSnapshot#evaluate)
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleEngine.class.getClassLoader());
        RuleSetSnapshot snapshot;
        try {
            snapshot = compiler.compile(files);
        } finally {
            thread.setContextClassLoader(callers);
        }
        log.info(
                "Compiled rule set {} from {} files in {} ms",
                snapshot.version().shortHash(),
                files.size(),
                (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    /** Makes {@code snapshot} the one new evaluations use; evaluations in flight finish on theirs. */
    public void activate(RuleSetSnapshot snapshot) {
        // the previous snapshot is not disposed: evaluations may still run on it, and once they are
        // done nothing refers to it (the compiler keeps no copy in the KIE repository)
        active.set(snapshot);
        log.info("Rule set {} is active", snapshot.version().shortHash());
    }

    public RuleSetSnapshot active() {
        RuleSetSnapshot snapshot = active.get();
        if (snapshot == null) {
            throw new IllegalStateException("no rule set is active yet");
        }
        return snapshot;
    }

    /** The content hash that names the version these files make, without compiling them. */
    public static String contentHash(List<RuleFile> files) {
        return RuleSetCompiler.hash(files);
    }

    /** SHA-256 of one file's content, as versions list it. */
    public static String fileHash(RuleFile file) {
        return RuleSetCompiler.sha256(file.content());
    }

    /** The DRL generated from one workbook, for review; throws with the workbook's problems. */
    public String generatedDrl(RuleFile workbook) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleEngine.class.getClassLoader());
        try {
            return RuleSetCompiler.tableDrl(workbook);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /** The table analysis of every workbook in {@code files}: overlaps, gaps, weights, domains. */
    public List<TableFinding> analyse(List<RuleFile> files) {
        return TableAnalysis.analyse(files);
    }

    /** The decision tables of a DMN file, read from its XML without compiling it (empty when it is not one). */
    public static List<DmnTable> modelTables(RuleFile model) {
        return DmnXml.tables(model);
    }

    public RuleSetVersion version() {
        return active().version();
    }
}
