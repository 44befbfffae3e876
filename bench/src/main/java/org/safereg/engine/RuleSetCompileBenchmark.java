package org.safereg.engine;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * How long the whole shipped rule set (every workbook and DRL file) takes to compile into a snapshot, as an
 * upload, an activation and an instance following an activation each do. Run with
 * {@code scripts/benchmark-engine.sh RuleSetCompileBenchmark}; the test suite never runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class RuleSetCompileBenchmark {

    private RuleEngine engine;
    private List<RuleFile> files;

    @Setup
    public void setUp() {
        engine = new RuleEngine(Clock.systemUTC());
        files = RuleSetSources.load(null);
    }

    @Benchmark
    public int compileShippedRuleSet() {
        return engine.compile(files).rules().size();
    }
}
