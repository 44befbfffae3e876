package org.safereg.rulesets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tells every instance that a version was activated. The message only wakes them: each reads the version
 * in force from MySQL, so a late or lost message never installs a stale version (and a periodic check
 * catches what a lost message missed).
 */
interface RuleSetBroadcast {

    String CHANNEL = "safereg:rulesets:activated";

    void announce(String version);

    static RuleSetBroadcast none() {
        return version -> {};
    }

    final class Redis implements RuleSetBroadcast {

        private static final Logger log = LoggerFactory.getLogger(RuleSetBroadcast.class);

        private final StringRedisTemplate redis;

        Redis(StringRedisTemplate redis) {
            this.redis = redis;
        }

        @Override
        public void announce(String version) {
            try {
                redis.convertAndSend(CHANNEL, version);
            } catch (RuntimeException e) {
                // recorded in MySQL: the other instances' periodic check installs it
                log.warn("Rule set {} was activated but not announced: {}", version, e.getMessage());
            }
        }

        static MessageListener listener(ActiveVersionSync sync) {
            return (message, pattern) -> sync.requestSync();
        }
    }
}
