package org.safereg.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long jobs (full credit and risk runs) hold a lease: the instance running one writes a heartbeat into
 * its row; a row whose heartbeat is older than the lease belongs to an instance that died, and any
 * instance takes the job over.
 *
 * @param heartbeat how often a running job writes its heartbeat
 * @param lease how long without a heartbeat before a job counts as abandoned (several heartbeats)
 * @param sweep how often each instance looks for abandoned jobs and decisions not on the version in force
 */
@ConfigurationProperties("safereg.jobs")
public record JobLeaseProperties(
        @DefaultValue("PT5S") Duration heartbeat,
        @DefaultValue("PT30S") Duration lease,
        @DefaultValue("PT15S") Duration sweep) {}
