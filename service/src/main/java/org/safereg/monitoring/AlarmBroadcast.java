package org.safereg.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Carries alarm changes to the event-stream subscribers of every instance: a console connected to one
 * instance sees the alarms another instance decided. With Redis, through the pub/sub channel
 * {@value #CHANNEL} (each instance, this one included, delivers what it hears to its own subscribers);
 * in the embedded default, straight to this instance's subscribers.
 */
interface AlarmBroadcast {

    String CHANNEL = "safereg:monitoring:alarm-changes";

    void publish(List<AlarmView> changes);

    /** Whether anyone may be listening, so that the changes are worth reading from MySQL. */
    boolean heard();

    static AlarmBroadcast local(AlarmStream stream) {
        return new AlarmBroadcast() {
            @Override
            public void publish(List<AlarmView> changes) {
                stream.publish(changes);
            }

            @Override
            public boolean heard() {
                return stream.subscribers() > 0;
            }
        };
    }

    /** Publishes on the channel; {@link #listener} delivers what the channel carries. */
    final class Redis implements AlarmBroadcast {

        private static final Logger log = LoggerFactory.getLogger(AlarmBroadcast.class);
        private static final TypeReference<List<AlarmView>> CHANGES = new TypeReference<>() {};

        private final StringRedisTemplate redis;
        private final ObjectMapper json;

        Redis(StringRedisTemplate redis, ObjectMapper json) {
            this.redis = redis;
            this.json = json;
        }

        @Override
        public void publish(List<AlarmView> changes) {
            try {
                redis.convertAndSend(CHANNEL, json.writeValueAsString(changes));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                // the alarms are recorded; a console that missed them reads them from the alarm list
                log.warn("Alarm changes were recorded but not broadcast: {}", e.getMessage());
            }
        }

        @Override
        public boolean heard() {
            // every instance listens on the channel
            return true;
        }

        static MessageListener listener(AlarmStream stream, ObjectMapper json) {
            return (Message message, byte[] pattern) -> {
                if (stream.subscribers() == 0) {
                    return;
                }
                try {
                    stream.publish(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), CHANGES));
                } catch (JsonProcessingException e) {
                    log.error("Unreadable alarm changes on {}", CHANNEL, e);
                }
            };
        }
    }
}
