package org.safereg.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes this instance to a Redis pub/sub channel without holding up start-up: with Redis down the
 * service starts (and serves what MySQL can answer) and the subscription is tried again every few seconds
 * until it holds; after that the container itself recovers lost connections. Register it as a bean.
 */
public final class RedisSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);
    private static final long RETRY_MILLIS = 5_000;

    private final RedisMessageListenerContainer container;
    private final String channel;
    private final String missed;
    private volatile Thread subscriber;

    /** @param missed what this instance misses while it is not subscribed, for the log */
    public RedisSubscription(
            RedisConnectionFactory connections, String channel, MessageListener listener, String missed) {
        this.channel = channel;
        this.missed = missed;
        // not a bean of its own: a container bean would be started, and fail start-up, with Redis down
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(listener, new ChannelTopic(channel));
        container.afterPropertiesSet();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::subscribe, "redis-subscription-" + channel);
        thread.setDaemon(true);
        subscriber = thread;
        thread.start();
    }

    private void subscribe() {
        boolean warned = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                container.start();
                if (warned) {
                    log.info("Subscribed to {} after Redis came back", channel);
                }
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("Cannot subscribe to {} ({}); until Redis answers, {}", channel, e.getMessage(), missed);
                    warned = true;
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        Thread thread = subscriber;
        if (thread != null) {
            thread.interrupt();
        }
        container.stop();
        try {
            container.destroy();
        } catch (Exception e) {
            log.debug("Closing the alarm-changes subscription", e);
        }
    }

    @Override
    public boolean isRunning() {
        return subscriber != null && (subscriber.isAlive() || container.isRunning());
    }
}
