package org.safereg.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Full credit and risk runs split into partitions that several instances share (see {@link Partitions}).
 *
 * @param enabled split full runs by region, and take part in the runs other instances start; off, a full run
 *     is worked by the instance that started it alone
 * @param poll how often an instance looks for partitions it could take (other instances' runs, abandoned ones)
 */
@ConfigurationProperties("safereg.partitions")
record PartitionProperties(@DefaultValue("false") boolean enabled, @DefaultValue("PT0.5S") Duration poll) {}
