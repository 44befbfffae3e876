package org.safereg.jobs;

import java.util.Optional;

/**
 * How a feature works one partition of its runs: a bean of this type makes the instance take part in the
 * runs of {@link #kind()} that other instances start (see {@link Partitions}).
 */
public interface PartitionWork {

    JobKind kind();

    /**
     * Works the partition to its end on the calling thread.
     *
     * @return what was done, or empty when this instance cannot work it now (another rule-set version is in
     *     force here): the partition goes back for another instance
     */
    Optional<Partitions.Counts> work(Partitions.Claimed partition);
}
