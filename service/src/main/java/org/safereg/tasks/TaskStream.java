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
}
