package org.safereg.system;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The leases of long jobs: who this instance is (the owner written into a job's row), a heartbeat that a
 * running job keeps writing, and the moment before which a silent job counts as abandoned.
 */
@Component
@EnableConfigurationProperties(JobLeaseProperties.class)
public class JobLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final JobLeaseProperties properties;
    private final Clock clock;
    private final String owner;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    JobLeases(JobLeaseProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.owner = host() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance, as job rows name their owner. */
    public String owner() {
        return owner;
    }

    /** A job whose last heartbeat is before this was abandoned by its instance. */
    public Instant silentSince() {
        return Instant.now(clock).minus(properties.lease());
    }

    /**
     * Writes the heartbeat now and then every {@code heartbeat} until the returned handle is closed; a write
     * that fails (MySQL away for a moment) is tried again at the next beat.
     */
    public Heartbeat beat(String job, Consumer<Instant> write) {
        long every = properties.heartbeat().toMillis();
        ScheduledFuture<?> future = beats.scheduleWithFixedDelay(
                () -> {
                    try {
                        write.accept(Instant.now(clock));
                    } catch (RuntimeException e) {
                        log.warn("The heartbeat of {} could not be written: {}", job, e.getMessage());
                    }
                },
                0,
                every,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "instance";
        }
    }

    /** Stops a job's heartbeat. */
    public interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }
}
