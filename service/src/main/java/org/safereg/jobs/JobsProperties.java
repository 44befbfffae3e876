package org.safereg.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long jobs report (the lease settings {@code heartbeat}, {@code lease} and {@code sweep} under the same
 * prefix are the system's {@code JobLeaseProperties}).
 *
 * @param workers jobs started asynchronously (impact simulations, plans) that run at once on an instance; more
 *     wait QUEUED
 * @param progressEvery the most often a running job writes how far it got to MySQL (and at most once a page)
 * @param eventsEvery the most often an event stream sends a {@code progress} event (250 ms: at most 4 a second)
 * @param streamTimeout how long an event stream stays open at most; a client connects again to read on
 * @param keep how long a finished job stays readable
 */
@ConfigurationProperties("safereg.jobs")
record JobsProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("PT1S") Duration progressEvery,
        @DefaultValue("PT0.25S") Duration eventsEvery,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("P30D") Duration keep) {}
