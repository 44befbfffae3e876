package org.safereg.rulesets;

import java.util.Map;

/**
 * One example case and how the version decided it: a row of a workbook's Examples sheet ({@code WORKBOOK})
 * or one of the repository's regression cases ({@code REGRESSION}).
 */
record ExampleCase(
        String source,
        String file,
        String sheet,
        Integer row,
        String name,
        Map<String, String> inputs,
        Map<String, String> expected,
        Map<String, String> actual,
        boolean passed,
        String message,
        String messageZh) {

    String label() {
        return row == null ? "regression case '" + name + "'" : "'" + name + "' (" + sheet + " row " + row + ")";
    }
}
