package org.safereg.jobs;

/**
 * How a feature works the partitions of its runs: a bean of this type makes the instance take part in the runs
 * of {@link #kind()} that other instances start (see {@link Partitions}).
 */
public interface PartitionWork {

    JobKind kind();

    /**
     * Works the partitions {@code feed} hands out ({@link Partitions.Feed#next}) on the calling thread until it
     * hands out no more, ending each with {@link Partitions.Feed#done} once what it decided is written, or with
     * {@link Partitions.Feed#decline} when this instance cannot work it now (another rule-set version is in force
     * here). The work of one partition may overlap the next one's: reading the next city while the last pages of
     * this one are written is what keeps a split run as fast as an unsplit one. When it throws, the partitions
     * not yet done go back for another attempt; a {@link Partitions.PartitionFailed} names the one to blame.
     */
    void work(Partitions.Feed feed);
}
