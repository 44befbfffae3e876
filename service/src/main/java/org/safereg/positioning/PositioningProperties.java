package org.safereg.positioning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personnel positioning.
 *
 * @param maxBatch position events one request may carry
 * @param maxBodyBytes largest request body taken; a larger one is refused with 413 before it is parsed
 * @param maxFuture how far ahead of the service's clock an event's time may be (gateway clocks drift)
 * @param maxAge how old an event may be
 * @param cardPattern what a person card id looks like; anything else is refused as BAD_CARD
 * @param dwellSweep how often the longest stay in each area with a dwell limit is re-evaluated: a stay
 *     grows without any event, so over-long dwell is found by this sweep
 */
@ConfigurationProperties("safereg.positioning")
record PositioningProperties(
        @DefaultValue("20000") int maxBatch,
        @DefaultValue("8388608") long maxBodyBytes,
        @DefaultValue("PT5M") Duration maxFuture,
        @DefaultValue("PT24H") Duration maxAge,
        @DefaultValue("[0-9A-Z]{4,16}") String cardPattern,
        @DefaultValue("PT1M") Duration dwellSweep) {}
