package org.safereg.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox entries to the stream. Each step locks a batch of undelivered entries that no other relay
 * holds (SKIP LOCKED), appends them, and marks them delivered in the same transaction, so an entry is
 * marked only after the stream has it. When the stream fails the transaction rolls back and the entries
 * wait for the next step; when a relay dies between the append and the commit its entries are appended
 * again later: at least once, and each entry carries its task id for consumers to drop repeats.
 */
class TaskRelay {

    private static final Logger log = LoggerFactory.getLogger(TaskRelay.class);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final TaskMapper mapper;
    private final TaskStream stream;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final int batch;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean failing;

    TaskRelay(
            TaskMapper mapper,
            TaskStream stream,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock,
            int batch) {
        this.mapper = mapper;
        this.stream = stream;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.batch = batch;
    }

    /** Relays soon on a background thread; nudges while one is pending are folded into it. */
    void nudge() {
        if (nudged.compareAndSet(false, true)) {
            nudges.submit(() -> {
                // counted as running before the nudge is cleared, so that busy() never blinks
                running.incrementAndGet();
                nudged.set(false);
                try {
                    relayUntilDone();
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    /** Whether a relay is pending or running on this instance. */
    boolean busy() {
        return nudged.get() || running.get() > 0;
    }

    /** Relays until nothing is pending or the stream fails; answers the entries delivered. */
    int relayAll() {
        running.incrementAndGet();
        try {
            return relayUntilDone();
        } finally {
            running.decrementAndGet();
        }
    }

    private int relayUntilDone() {
        int total = 0;
        while (true) {
            int delivered;
            try {
                delivered = relayOnce();
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "Task relay to {} failed; the outbox keeps the entries and the relay retries: {}",
                            stream.describe(),
                            e.toString());
                }
                failing = true;
                return total;
            }
            if (failing) {
                log.info("Task relay to {} works again", stream.describe());
                failing = false;
            }
            total += delivered;
            if (delivered < batch) {
                return total;
            }
        }
    }

    /**
     * A stream that Redis lost takes every outbox entry again, in order, from this instance's relay (one
     * instance claims it); consumers drop repeats by task id and event, as for any at-least-once delivery.
     */
    private void restoreLostStream() {
        if (!stream.claimLostStream()) {
            return;
        }
        try {
            int again = mapper.redeliverAll();
            if (again > 0) {
                log.warn("The task stream {} was lost; its {} entries are delivered again", stream.describe(), again);
            }
        } catch (RuntimeException e) {
            stream.releaseClaim();
            throw e;
        }
    }

    /** One step: lock, append, mark, commit. */
    int relayOnce() {
        restoreLostStream();
        Integer delivered = transactions.execute(status -> {
            List<OutboxRow> rows = mapper.claimPending(batch);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Map<String, String>> entries = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                entries.add(fields(row));
            }
            List<String> ids = stream.append(entries);
            List<TaskMapper.Delivered> marks = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                marks.add(new TaskMapper.Delivered(rows.get(i).id(), i < ids.size() ? ids.get(i) : null));
            }
            mapper.markDelivered(marks, Instant.now(clock));
            return rows.size();
        });
        return delivered == null ? 0 : delivered;
    }

    private Map<String, String> fields(OutboxRow row) {
        try {
            return json.readValue(row.payload(), FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox entry " + row.id() + " is not readable", e);
        }
    }
}
