package org.safereg.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * One compiled, immutable version of the rule set. Evaluations started on a snapshot finish on it even
 * when a newer one has become active. Thread-safe: each evaluation has its own session.
 */
public final class RuleSetSnapshot {

    private static final ClassLoader ENGINE_CLASS_LOADER = RuleSetSnapshot.class.getClassLoader();

    private final RuleSetVersion version;
    private final KieContainer container;
    private final KieBase base;
    private final Map<String, RuleOrigin> origins;
    private final List<RuleRef> rules;
    private final Map<String, Integer> ordinals;
    private final Map<String, String> generatedDrl;
    private final List<String> warnings;
    private final List<RuleFile> files;

    RuleSetSnapshot(
            RuleSetVersion version,
            List<RuleFile> files,
            KieContainer container,
            KieBase base,
            Map<String, RuleOrigin> origins,
            Map<String, String> generatedDrl,
            List<String> warnings) {
        this.version = version;
        this.files = List.copyOf(files);
        this.container = container;
        this.base = base;
        this.origins = Map.copyOf(origins);
        // ordinals follow the sorted rule keys, so the same files always give the same ordinals
        List<String> keys = origins.keySet().stream().sorted().toList();
        List<RuleRef> refs = new ArrayList<>(keys.size());
        Map<String, Integer> ordinals = new HashMap<>();
        for (String key : keys) {
            int slash = key.indexOf('/');
            refs.add(new RuleRef(refs.size(), key.substring(0, slash), key.substring(slash + 1), origins.get(key)));
            ordinals.put(key, ordinals.size());
        }
        this.rules = List.copyOf(refs);
        this.ordinals = Map.copyOf(ordinals);
        this.generatedDrl = Map.copyOf(generatedDrl);
        this.warnings = List.copyOf(warnings);
    }

    public RuleSetVersion version() {
        return version;
    }

    /**
     * Evaluates one group of facts in a fresh stateless session. Rules report their results through
     * the output facts in the group; what comes back is which rules fired, in firing order.
     */
    public Evaluation evaluate(Collection<?> facts) {
        // Drools finds its runtime and services (the session factory, the executor that compiles hot
        // constraints) through the context class loader; pool threads of a packaged jar (ForkJoinPool's
        // common pool) have the system class loader, which cannot see the nested jars
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(ENGINE_CLASS_LOADER);
        try {
            return execute(facts);
        } finally {
            RuleInProgress.clear();
            thread.setContextClassLoader(callers);
        }
    }

    private Evaluation execute(Collection<?> facts) {
        StatelessKieSession session = base.newStatelessKieSession();
        List<FiredRule> fired = new ArrayList<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                var rule = event.getMatch().getRule();
                String key = RuleSetCompiler.key(rule.getPackageName(), rule.getName());
                FiredRule firing = new FiredRule(rule.getName(), origins.get(key), ordinals.getOrDefault(key, -1));
                fired.add(firing);
                RuleInProgress.set(firing);
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleInProgress.clear();
            }
        });
        session.execute(facts);
        return new Evaluation(version.hash(), List.copyOf(fired));
    }

    /** Every rule of this version, in ordinal order. */
    public List<RuleRef> rules() {
        return rules;
    }

    /** Where each rule comes from, keyed by {@code package/name}. */
    public Map<String, RuleOrigin> origins() {
        return origins;
    }

    /** The DRL generated from each workbook, for review. */
    public Map<String, String> generatedDrl() {
        return generatedDrl;
    }

    /** The files this version was compiled from, to store the version. */
    public List<RuleFile> files() {
        return files;
    }

    /** The class loader holding this version's generated classes; a test checks it is let go. */
    ClassLoader classLoader() {
        return container.getClassLoader();
    }

    public List<String> warnings() {
        return warnings;
    }
}
