package org.safereg.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a rule set: a DRL file under {@code rules/} or a workbook under {@code decision-tables/},
 * named by its path relative to the rule set's root.
 */
public record RuleFile(String path, byte[] content) {

    public RuleFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    public boolean isDecisionTable() {
        String lower = path.toLowerCase();
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    public boolean isDrl() {
        return path.toLowerCase().endsWith(".drl");
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleFile file && file.path.equals(path) && Arrays.equals(file.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + content.length + " bytes)";
    }
}
