package org.safereg.system;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Whether MySQL and Redis answer, as probes found them at most a second ago. Health and the read models
 * ask here instead of asking the stores themselves: a store that is gone costs whoever asks it a
 * connection timeout (2 s), and health, which looks at several things, must answer at once in any outage.
 * Each store has its own probe thread, so a frozen one does not hide the state of the other.
 */
public final class StoreWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreWatch.class);

    /** What the last probe found: whether the store answered, since when, and what went wrong if not. */
    public record State(boolean answering, Instant since, String problem) {

        static State up(Instant since) {
            return new State(true, since, null);
        }
    }

    private final DataSource mysql;
    private final ApplicationEventPublisher events;
    private final RedisConnectionFactory redis;
    private final Duration every;
    private final Clock clock;
    private volatile State mysqlState;
    private volatile State redisState;
    private ScheduledExecutorService probes;

    /** {@code redis} is null when no Redis is configured (what Redis would hold is kept in process). */
    StoreWatch(
            DataSource mysql,
            RedisConnectionFactory redis,
            Duration every,
            Clock clock,
            ApplicationEventPublisher events) {
        this.mysql = mysql;
        this.events = events;
        this.redis = redis;
        this.every = every;
        this.clock = clock;
        // the instance could not have started without MySQL; Redis is assumed there until probed
        this.mysqlState = State.up(Instant.now(clock));
        this.redisState = redis == null ? null : State.up(Instant.now(clock));
    }

    public boolean mysqlAnswering() {
        return mysqlState.answering();
    }

    /** True also when there is no Redis: the in-process stand-in always answers. */
    public boolean redisAnswering() {
        return redisState == null || redisState.answering();
    }

    public State mysql() {
        return mysqlState;
    }

    /** Empty when no Redis is configured. */
    public Optional<State> redis() {
        return Optional.ofNullable(redisState);
    }

    void probeMysql() {
        try (Connection connection = mysql.getConnection()) {
            if (connection.isValid(1)) {
                mysqlState = seen("MySQL", mysqlState, null);
            } else {
                mysqlState = seen("MySQL", mysqlState, "the connection did not validate within 1 s");
            }
        } catch (Exception e) {
            mysqlState = seen("MySQL", mysqlState, StoreOutages.rootMessage(e));
        }
    }

    void probeRedis() {
        State before = redisState;
        State now;
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            now = seen("Redis", before, null);
        } catch (Exception e) {
            now = seen("Redis", before, StoreOutages.rootMessage(e));
        }
        if (now.answering() && !before.answering()) {
            // heard before health and readiness say Redis is back: what it lost is known as lost by then
            try {
                events.publishEvent(new RedisAnswersAgain(now.since()));
            } catch (RuntimeException e) {
                // a failing listener must not stop the probe (an exception would end its schedule for good)
                log.warn(
                        "Checking what Redis kept after it came back failed; the copies are checked at their next"
                                + " look: {}",
                        StoreOutages.rootMessage(e));
            }
        }
        redisState = now;
    }

    private State seen(String store, State before, String problem) {
        boolean answering = problem == null;
        if (answering == before.answering()) {
            return answering ? before : new State(false, before.since(), problem);
        }
        Instant now = Instant.now(clock);
        if (answering) {
            log.info(
                    "{} answers again, after {} s",
                    store,
                    Duration.between(before.since(), now).toSeconds());
        } else {
            log.warn("{} stopped answering: {}", store, problem);
        }
        return new State(answering, now, problem);
    }

    @Override
    public synchronized void start() {
        probes = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "store-watch");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        probes.scheduleWithFixedDelay(this::probeMysql, 0, millis, TimeUnit.MILLISECONDS);
        if (redis != null) {
            probes.scheduleWithFixedDelay(this::probeRedis, 0, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (probes != null) {
            probes.shutdownNow();
            probes = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return probes != null;
    }
}
