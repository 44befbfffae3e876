package org.safereg.jobs;

/**
 * Where a long piece of work says how far it got: how much there is once it has counted it, then what it did,
 * a page at a time. A {@link JobRun} writes it to the job at a bounded rate.
 */
public interface Progress {

    /** Work that nobody follows. */
    Progress NONE = new Progress() {
        @Override
        public void total(long total) {}

        @Override
        public void advance(long done) {}
    };

    /** How many items the work has in all (enterprises, readings, plan items). */
    void total(long total);

    /** {@code done} more items are done: call it once a page, not once an item. */
    void advance(long done);
}
