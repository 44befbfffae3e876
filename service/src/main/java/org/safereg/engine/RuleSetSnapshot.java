package org.safereg.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * One compiled, immutable version of the rule set. Evaluations started on a snapshot finish on it even
 * when a newer one has become active. Thread-safe: each evaluation has its own session.
 */
public final class RuleSetSnapshot {

    private static final ClassLoader ENGINE_CLASS_LOADER = RuleSetSnapshot.class.getClassLoader();
    /**
     * An evaluation runs on one thread from the first insert to the reset, and no session is shared between
     * threads (the pool hands a session over through a concurrent queue): the locks and the synchronized
     * propagation list of a thread-safe session cost a tenth of a batch of readings for nothing. The pool keeps
     * the sessions of one configuration object together, hence one object for all snapshots.
     */
    private static final KieSessionConfiguration ONE_THREAD = oneThread();

    private final RuleSetVersion version;
    private final KieContainer container;
    private final KieBase base;
    private final Map<String, RuleOrigin> origins;
    private final List<RuleRef> rules;
    private final Map<String, Integer> ordinals;
    private final Map<String, String> generatedDrl;
    private final List<String> warnings;
    private final List<RuleFile> files;
    private final Map<Rule, FiredRule> firings;
    private final DmnModels models;
    private final int firstModelRule;
    /**
     * Sessions reset and reused rather than built anew for each evaluation: credit and risk evaluate one
     * enterprise per session, where making the session and its network memory cost a good part of the rules.
     */
    private final KieContainerSessionsPool sessions;
    /**
     * Firings per fact in the last large evaluation, to size the next one's list of firings: a batch of readings
     * fires two or three rows a reading, and growing a list of tens of thousands of firings copied it again and
     * again. A race between threads only makes a guess less good.
     */
    private volatile float firingsPerFact = 2;

    RuleSetSnapshot(
            RuleSetVersion version,
            List<RuleFile> files,
            KieContainer container,
            KieBase base,
            Map<String, RuleOrigin> origins,
            Map<String, String> generatedDrl,
            List<String> warnings,
            DmnModels models) {
        this.version = version;
        this.models = models;
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
        // the rules of the DMN decision tables come after every Drools rule, so that adding a model keeps the
        // ordinals of the workbooks and DRL files
        this.firstModelRule = refs.size();
        for (DmnModels.CatalogRule rule : models.rules()) {
            refs.add(new RuleRef(refs.size(), rule.packageName(), rule.name(), rule.origin()));
        }
        this.rules = List.copyOf(refs);
        this.ordinals = Map.copyOf(ordinals);
        this.generatedDrl = Map.copyOf(generatedDrl);
        // a firing names its rule by the rule object the base holds: describing it once here keeps string
        // building and map lookups by name out of every firing
        Map<Rule, FiredRule> firings = new IdentityHashMap<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                firings.put(rule, describe(rule));
            }
        }
        this.firings = firings;
        this.warnings = List.copyOf(warnings);
        this.sessions = container.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors());
    }

    public RuleSetVersion version() {
        return version;
    }

    /**
     * Evaluates one group of facts in a session of its own (taken from a pool, reset and returned after). Rules report their results through
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
            thread.setContextClassLoader(callers);
        }
    }

    private Evaluation execute(Collection<?> facts) {
        KieSession session = sessions.newKieSession(ONE_THREAD);
        List<FiredRule> fired = new ArrayList<>(Math.max(10, (int) (facts.size() * firingsPerFact * 1.1f)));
        RuleInProgress inProgress = RuleInProgress.slot();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            // a rule fires all its matches one after another (each rule's agenda item in turn): the last
            // rule's description saves a map lookup on nearly every firing of a batch
            private Rule lastRule;
            private FiredRule lastFiring;

            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                Rule rule = event.getMatch().getRule();
                FiredRule firing;
                if (rule == lastRule) {
                    firing = lastFiring;
                } else {
                    firing = firing(rule);
                    lastRule = rule;
                    lastFiring = firing;
                }
                fired.add(firing);
                inProgress.firing = firing;
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                inProgress.firing = null;
            }
        };
        session.addEventListener(listener);
        try {
            // what a stateless session's execute does: insert every fact, fire, dispose (here: reset and back
            // to the pool)
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
        } finally {
            inProgress.firing = null;
            session.removeEventListener(listener);
            session.dispose();
        }
        if (facts.size() >= 100) {
            firingsPerFact = (float) fired.size() / facts.size();
        }
        return new Evaluation(version.hash(), Collections.unmodifiableList(fired));
    }

    /**
     * Evaluates every decision of the DMN model named {@code modelName} (the {@code name} of its definitions) on
     * {@code inputs}, by input-data name. What comes back is each decision's result and, as provenance, this
     * version and the decision-table rules that matched.
     *
     * @throws DecisionModelException when the version has no such model or a decision reports errors
     */
    public ModelDecision decide(String modelName, Map<String, Object> inputs) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(ENGINE_CLASS_LOADER);
        try {
            return models.decide(version.hash(), firstModelRule, modelName, inputs);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    /** The names of this version's DMN models. */
    public java.util.Set<String> modelNames() {
        return models.modelNames();
    }

    /** The name of the DMN model in each .dmn file of this version. */
    public Map<String, String> modelFiles() {
        return models.files();
    }

    /** Every decision table of this version's DMN models, as a policy officer reads it. */
    public List<DmnTable> modelTables() {
        return models.tables();
    }

    /** What the decision-table analysis found in this version's DMN models that does not refuse it. */
    public List<TableFinding> modelFindings() {
        return models.findings();
    }

    /** The MC/DC cases the analysis derived from this version's DMN decision tables. */
    public List<DmnCase> modelCases() {
        return models.cases();
    }

    /**
     * One decision of a model, on the values of the names its table reads; for the derived examples. Its
     * outputs by output name (or the decision's name where it has one output).
     */
    public Map<String, Object> decideOne(String modelName, String decision, Map<String, Object> values) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(ENGINE_CLASS_LOADER);
        try {
            return models.decideOne(modelName, decision, values);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    private static KieSessionConfiguration oneThread() {
        KieSessionConfiguration configuration = KieServices.Factory.get().newKieSessionConfiguration();
        configuration.setOption(ThreadSafeOption.NO);
        return configuration;
    }

    private FiredRule firing(Rule rule) {
        FiredRule known = firings.get(rule);
        return known != null ? known : describe(rule);
    }

    private FiredRule describe(Rule rule) {
        String key = RuleSetCompiler.key(rule.getPackageName(), rule.getName());
        return new FiredRule(rule.getName(), origins.get(key), ordinals.getOrDefault(key, -1));
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
