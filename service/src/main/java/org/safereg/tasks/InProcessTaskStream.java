package org.safereg.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The embedded default without Redis: entries kept in memory (the last 10,000), ids like a stream's. */
class InProcessTaskStream implements TaskStream {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private long sequence;

    @Override
    public synchronized List<String> append(List<Map<String, String>> added) {
        List<String> ids = new ArrayList<>(added.size());
        for (Map<String, String> entry : added) {
            entries.add(Map.copyOf(entry));
            ids.add(System.currentTimeMillis() + "-" + sequence++);
        }
        if (entries.size() > 10_000) {
            entries.subList(0, entries.size() - 10_000).clear();
        }
        return ids;
    }

    @Override
    public void ensureGroup() {}

    @Override
    public String describe() {
        return "in-process stream";
    }

    synchronized List<Map<String, String>> entries() {
        return List.copyOf(entries);
    }
}
