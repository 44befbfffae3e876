package org.safereg.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes this instance to the alarm-changes channel without holding up start-up: with Redis down the
 * service starts (readings get 503 until it is back, alarms are read from MySQL) and the subscription is
 * tried again every few seconds until it holds; after that the container itself recovers lost connections.
 */
final class AlarmBroadcastSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlarmBroadcastSubscription.class);
    private static final long RETRY_MILLIS = 5_000;

    private final RedisMessageListenerContainer container;
    private volatile Thread subscriber;

    AlarmBroadcastSubscription(RedisConnectionFactory connections, MessageListener listener) {
        // not a bean of its own: a container bean would be started, and fail start-up, with Redis down
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(listener, new ChannelTopic(AlarmBroadcast.CHANNEL));
        container.afterPropertiesSet();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::subscribe, "alarm-broadcast-subscription");
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
                    log.info("Subscribed to {} after Redis came back", AlarmBroadcast.CHANNEL);
                }
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn(
                            "Cannot subscribe to {} ({}); alarm changes of other instances reach this instance's"
                                    + " event streams once Redis answers",
                            AlarmBroadcast.CHANNEL,
                            e.getMessage());
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
