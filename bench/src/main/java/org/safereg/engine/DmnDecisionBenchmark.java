package org.safereg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.kogito.dmn.DMNKogito;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second of a DMN model of the rule set (one thread), evaluated as features do, through
 * {@link RuleSetSnapshot#decide}: every decision of the model, with the rules that matched as provenance; and
 * the time to compile the shipped rule set with that model, as an upload or activation does.
 *
 * <p>The model is the rule set's enforcement discretion model ({@code decision-tables/enforcement-discretion.dmn})
 * where the rule set holds it; {@code -Dsafereg.bench.dmn=<file>} names another; without either, the small
 * discretion-band fixture of the service's tests. Run with {@code scripts/benchmark-engine.sh
 * DmnDecisionBenchmark}; the test suite never runs it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DmnDecisionBenchmark {

    static final String DISCRETION = "decision-tables/enforcement-discretion.dmn";

    private RuleEngine engine;
    private List<RuleFile> files;
    private RuleSetSnapshot snapshot;
    private String model;
    private Map<String, Object> inputs;
    private DMNRuntime runtime;
    private DMNModel runtimeModel;
    private Map<String, Object> feelInputs;

    @Setup
    public void setUp() throws IOException {
        engine = new RuleEngine(Clock.systemUTC());
        files = new ArrayList<>(RuleSetSources.load(null));
        RuleFile dmn = model(files);
        files.removeIf(f -> f.path().equals(dmn.path()));
        files.add(dmn);
        snapshot = engine.compile(files);
        model = snapshot.modelFiles().get(dmn.path());
        inputs = model.equals("enforcement-discretion") ? discretion() : band();
        // a decision that does not decide is no figure
        snapshot.decide(model, inputs);
        // the same model in Kogito's runtime alone (runtime type check on, as SafeReg compiles it): no listener,
        // no conversion of inputs or results, no provenance
        runtime = DMNKogito.createGenericDMNRuntime(
                Set.of(), true, new StringReader(new String(dmn.content(), StandardCharsets.UTF_8)));
        runtimeModel = DMNKogito.modelByName(runtime, model);
        feelInputs = DmnModels.plainInputs(inputs);
        kogitoRuntimeAlone();
    }

    private static RuleFile model(List<RuleFile> shipped) throws IOException {
        String named = System.getProperty("safereg.bench.dmn");
        if (named != null) {
            Path path = Path.of(named);
            return new RuleFile("decision-tables/" + path.getFileName(), Files.readAllBytes(path));
        }
        for (RuleFile file : shipped) {
            if (file.path().equals(DISCRETION)) {
                return file;
            }
        }
        try (InputStream in = DmnDecisionBenchmark.class.getResourceAsStream("/dmn/discretion-band.dmn")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no DMN model to measure"));
            }
            return new RuleFile("decision-tables/discretion-band.dmn", in.readAllBytes());
        }
    }

    /** Art. 97 item 7, a first offence corrected by the deadline. */
    private static Map<String, Object> discretion() {
        Map<String, Object> in = new HashMap<>();
        in.put("article", 97);
        in.put("item", 7);
        in.put("history", "FIRST");
        in.put("correction", "BY_DEADLINE");
        in.put("mitigating", List.of());
        in.put("aggravating", List.of());
        in.put("accidentGrade", null);
        in.put("especiallySerious", false);
        in.put("originalFine", null);
        in.put("lenientShare", null);
        in.put("severeShare", null);
        return in;
    }

    private static Map<String, Object> band() {
        return Map.of("offences", 2, "corrected", false);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ModelDecision decide() {
        return snapshot.decide(model, inputs);
    }

    private DMNResult evaluate(DMNRuntime on, DMNModel of) {
        DMNContext context = on.newContext();
        feelInputs.forEach(context::set);
        DMNResult result = on.evaluateAll(of, context);
        if (result.hasErrors()) {
            throw new IllegalStateException(result.getMessages().toString());
        }
        return result;
    }

    /** The ceiling: Kogito's runtime alone on the same model and inputs, FEEL interpreted. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DMNResult kogitoRuntimeAlone() {
        return evaluate(runtime, runtimeModel);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int compileRuleSetWithModel() {
        return engine.compile(files).rules().size();
    }
}
