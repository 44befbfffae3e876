package org.safereg.engine;

/**
 * What the table analysis found in a workbook: an error keeps the version from becoming active, a warning
 * is shown with it. The problem says it in English, {@code messageZh} in Chinese.
 */
public record TableFinding(boolean error, RuleProblem problem, String messageZh) {}
