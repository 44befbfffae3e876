package org.safereg.engine;

import java.util.Map;

/**
 * A test case the decision-table analysis derives for modified condition/decision coverage (MC/DC): the
 * table's inputs, by input expression, that make rule {@code rule} decide, and the outputs that rule gives.
 */
public record DmnCase(
        String file,
        String model,
        String decision,
        String table,
        int rule,
        Map<String, Object> inputs,
        Map<String, Object> outputs) {}
