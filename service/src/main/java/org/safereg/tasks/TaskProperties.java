package org.safereg.tasks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Enforcement tasks and their relay to the dispatch system.
 *
 * @param stream the Redis stream the relay appends task entries to
 * @param consumerGroup the consumer group SafeReg creates on the stream for the dispatch system
 * @param relayPeriod how often each instance looks for undelivered outbox entries (a new task is also
 *     relayed as soon as its transaction commits)
 * @param relayBatch outbox entries one relay step takes
 */
@ConfigurationProperties("safereg.tasks")
record TaskProperties(
        @DefaultValue("safereg:tasks") String stream,
        @DefaultValue("dispatch") String consumerGroup,
        @DefaultValue("PT1S") Duration relayPeriod,
        @DefaultValue("500") int relayBatch) {}
