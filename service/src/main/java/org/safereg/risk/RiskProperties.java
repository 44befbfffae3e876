package org.safereg.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk level evaluation.
 *
 * @param schedule cron of the nightly full recompute (default 02:30, after the nightly credit run)
 * @param pageSize enterprises read, evaluated and written together
 * @param evaluateOnStart run a full recompute at start-up when no enterprise has a risk result yet
 * @param staleCheck how often each instance re-reads whether the Redis read model is behind MySQL
 * @param coalesce how long a change of facts waits for more changes before their enterprises are recomputed
 *     together (a readings batch can touch hundreds of enterprises)
 * @param fullRunAbove more enterprises than this waiting to be recomputed are recomputed by one full run
 */
@ConfigurationProperties("safereg.risk")
record RiskProperties(
        @DefaultValue("0 30 2 * * *") String schedule,
        @DefaultValue("2000") int pageSize,
        @DefaultValue("true") boolean evaluateOnStart,
        @DefaultValue("PT2S") Duration staleCheck,
        @DefaultValue("PT0.2S") Duration coalesce,
        @DefaultValue("20000") int fullRunAbove) {}
