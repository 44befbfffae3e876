package org.safereg.tasks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far the outbox relay is behind, as gauges: {@code safereg_tasks_outbox_pending} (entries waiting for
 * the stream) and {@code safereg_tasks_outbox_oldest_age_seconds} (how long the oldest has waited, 0 when none
 * waits). MySQL is asked now and then, never on a scrape; while it does not answer the last values stand and
 * the age keeps growing.
 */
@Component
class TaskMetrics {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);

    private final TaskMapper mapper;
    private final Clock clock;
    private final AtomicReference<OutboxLag> last = new AtomicReference<>(new OutboxLag(0, null));

    TaskMetrics(TaskMapper mapper, Clock clock, MeterRegistry registry) {
        this.mapper = mapper;
        this.clock = clock;
        Gauge.builder("safereg.tasks.outbox.pending", last, lag -> lag.get().pending())
                .description("Task outbox entries not yet delivered to the stream")
                .register(registry);
        Gauge.builder("safereg.tasks.outbox.oldest.age", last, lag -> ageSeconds(lag.get()))
                .description("How long the oldest undelivered task outbox entry has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${safereg.tasks.outbox-sample-every:PT10S}")
    void sample() {
        try {
            OutboxLag lag = mapper.outboxLag();
            last.set(lag == null ? new OutboxLag(0, null) : lag);
        } catch (DataAccessException e) {
            log.debug("The task outbox could not be measured; the last values stand: {}", e.getMessage());
        }
    }

    private double ageSeconds(OutboxLag lag) {
        if (lag.pending() == 0 || lag.oldest() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(lag.oldest(), Instant.now(clock)).toMillis() / 1000.0);
    }
}
