package org.safereg.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a rule set: a DRL file under {@code rules/}, or a workbook, a DMN model or a model's examples
 * under {@code decision-tables/},
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

    /** A DMN model ({@code .dmn}), evaluated by Kogito's DMN runtime. */
    public boolean isDmn() {
        return path.toLowerCase().endsWith(".dmn");
    }

    /** The hand-written examples of a DMN model: {@code <model file>.examples.json} beside it. */
    public boolean isModelExamples() {
        return path.toLowerCase().endsWith(".examples.json");
    }

    /** The DMN file whose examples this file holds. */
    public String examplesOf() {
        return path.substring(0, path.length() - ".examples.json".length()) + ".dmn";
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
