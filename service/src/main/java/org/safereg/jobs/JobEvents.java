package org.safereg.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.safereg.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of jobs: {@code progress} when a job's done (or state) changed, at most once every
 * {@code safereg.jobs.events-every}, and {@code finished} once, after which the stream ends. One ticker reads
 * every followed job at once (this instance's from memory, the others' in one query), so a job run by another
 * instance is followed the same way. Open streams end when the service shuts down.
 */
final class JobEvents implements ApplicationListener<ContextClosedEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    private final Jobs jobs;
    private final JobsProperties properties;
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "job-events");
        thread.setDaemon(true);
        return thread;
    });

    JobEvents(Jobs jobs, JobsProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
        long every = properties.eventsEvery().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** The job's state at once ({@code finished} and the end when it is over), then its changes. */
    SseEmitter follow(long id) {
        Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("No job " + id + "."));
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Follower follower = new Follower(id, emitter);
        emitter.onCompletion(() -> followers.remove(follower));
        emitter.onTimeout(() -> followers.remove(follower));
        emitter.onError(e -> followers.remove(follower));
        if (follower.send(job)) {
            followers.add(follower);
        }
        return emitter;
    }

    private void tick() {
        if (followers.isEmpty()) {
            return;
        }
        try {
            Set<Long> ids = followers.stream().map(Follower::job).collect(Collectors.toSet());
            Map<Long, Job> now = jobs.now(ids);
            for (Follower follower : followers) {
                Job job = now.get(follower.job());
                if (job == null) {
                    // forgotten meanwhile: nothing more will come
                    followers.remove(follower);
                    follower.emitter().complete();
                } else if (!follower.send(job)) {
                    followers.remove(follower);
                }
            }
        } catch (RuntimeException e) {
            // MySQL away for a moment: the next tick tries again
            log.warn("Job events could not read their jobs: {}", e.getMessage());
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        for (Follower follower : followers) {
            followers.remove(follower);
            follower.emitter().complete();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    int followers() {
        return followers.size();
    }

    /** One open stream and what it was last sent. */
    private static final class Follower {
        private final long job;
        private final SseEmitter emitter;
        private Job sent;

        Follower(long job, SseEmitter emitter) {
            this.job = job;
            this.emitter = emitter;
        }

        long job() {
            return job;
        }

        SseEmitter emitter() {
            return emitter;
        }

        /** Sends what changed; false once the stream is over (finished, or the client went away). */
        synchronized boolean send(Job now) {
            if (sent != null
                    && sent.done() == now.done()
                    && sent.state() == now.state()
                    && Objects.equals(sent.total(), now.total())) {
                return true;
            }
            sent = now;
            try {
                emitter.send(SseEmitter.event()
                        .name(now.finished() ? "finished" : "progress")
                        .id(now.id() + ":" + now.done())
                        .data(now));
                if (now.finished()) {
                    emitter.complete();
                    return false;
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                return false;
            }
        }
    }
}
