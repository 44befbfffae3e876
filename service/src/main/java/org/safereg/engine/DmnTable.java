package org.safereg.engine;

import java.util.List;

/**
 * A DMN decision table as a policy officer reads it: the file, model and decision it belongs to, its hit
 * policy, the input and output columns, and each rule with its number, entries and annotation.
 */
public record DmnTable(
        String file,
        String model,
        String decision,
        String table,
        String hitPolicy,
        List<String> inputs,
        List<String> outputs,
        List<Rule> rules) {

    public DmnTable {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        rules = List.copyOf(rules);
    }

    /** One rule (row) of the table, numbered from 1 as the DMN editors show it. */
    public record Rule(int number, List<String> inputEntries, List<String> outputEntries, String annotation) {

        public Rule {
            inputEntries = List.copyOf(inputEntries);
            outputEntries = List.copyOf(outputEntries);
        }
    }
}
