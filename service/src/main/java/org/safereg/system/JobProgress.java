package org.safereg.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * The long job running on this instance, as gauges read from the job's own counters: {@code
 * safereg_job_running{job}} (1 while it runs), {@code safereg_job_done{job}} and {@code safereg_job_items{job}}
 * (its total; a gauge may not end in _total). Between runs all three are 0. The job holds a {@link Tracking} while it runs and closes it when it ends.
 */
@Component
public class JobProgress {

    /** What the gauges of one job read while it runs. */
    private record Running(long total, LongSupplier done) {}

    private final MeterRegistry registry;
    private final ConcurrentMap<String, AtomicReference<Running>> jobs = new ConcurrentHashMap<>();

    JobProgress(MeterRegistry registry) {
        this.registry = registry;
        // the series exist from the start, so that an alert can tell "idle" from "never reported"
        of("credit");
        of("risk");
    }

    /** Tracks a run of {@code job} until the handle is closed. */
    public Tracking track(String job, long total, LongSupplier done) {
        AtomicReference<Running> state = of(job);
        Running running = new Running(total, done);
        state.set(running);
        return () -> state.compareAndSet(running, null);
    }

    private AtomicReference<Running> of(String job) {
        return jobs.computeIfAbsent(job, name -> {
            AtomicReference<Running> state = new AtomicReference<>();
            Gauge.builder("safereg.job.running", state, s -> s.get() == null ? 0 : 1)
                    .description("1 while a run of the job is in progress on this instance")
                    .tag("job", name)
                    .register(registry);
            Gauge.builder("safereg.job.done", state, s -> {
                        Running r = s.get();
                        return r == null ? 0 : r.done().getAsLong();
                    })
                    .description("Items the running job has done so far (enterprises)")
                    .tag("job", name)
                    .register(registry);
            Gauge.builder("safereg.job.items", state, s -> {
                        Running r = s.get();
                        return r == null ? 0 : r.total();
                    })
                    .description("Items the running job has to do")
                    .tag("job", name)
                    .register(registry);
            return state;
        });
    }

    /** Ends the tracking of one run. */
    public interface Tracking extends AutoCloseable {
        @Override
        void close();
    }
}
