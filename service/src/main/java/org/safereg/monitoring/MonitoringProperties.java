package org.safereg.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingestion of readings.
 *
 * @param maxBatch readings one request may carry
 * @param maxBodyBytes largest request body taken; a larger one is refused with 413 before it is parsed
 * @param maxFuture how far ahead of the service's clock a reading's time may be (gateway clocks drift)
 * @param maxAge how old a reading may be; older ones cannot change an alarm any more
 * @param streamTimeout how long an alarm event stream stays open before the client reconnects
 */
@ConfigurationProperties("safereg.monitoring")
record MonitoringProperties(
        @DefaultValue("20000") int maxBatch,
        @DefaultValue("8388608") long maxBodyBytes,
        @DefaultValue("PT5M") Duration maxFuture,
        @DefaultValue("PT24H") Duration maxAge,
        @DefaultValue("PT30M") Duration streamTimeout) {}
