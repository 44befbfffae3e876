package org.safereg.tasks;

import java.util.List;
import java.util.Map;

/** Where relayed task entries go: the Redis stream, or a list in process in the embedded default. */
interface TaskStream {

    /**
     * Appends the entries in order and answers their stream ids; throws when the stream cannot take them
     * (then some of them may have been appended: delivery is at least once).
     */
    List<String> append(List<Map<String, String>> entries);

    /** Makes sure the dispatch system's consumer group exists. */
    void ensureGroup();

    String describe();

    /**
     * Claims the restoration of a stream that was lost with everything it held (Redis restarted without
     * persistence, failed over): true for exactly one caller, whose job it is to have the outbox deliver
     * every entry again. A stream kept in this process is never lost.
     */
    default boolean claimLostStream() {
        return false;
    }

    /** The restoration could not be done: the next caller claims it again. */
    default void releaseClaim() {}
}
