package org.safereg.inspection;

import java.util.List;
import org.safereg.engine.FiredRule;

/**
 * How often one class of enterprises is inspected, as inspection-frequency.xlsx decides it.
 *
 * @param keySupervision mandatory key supervision (重点监管); otherwise in the random pool (双随机)
 * @param maxPerYear most inspections a year (Shanxi 2025 table)
 * @param minPerYear inspections a year key supervision must plan; 0 in the random pool
 * @param samplingRatio share of the random pool drawn in a year; 0 under key supervision
 * @param minIntervalDays fewest days between two inspections of one enterprise
 * @param rules the rows that decided it
 */
record Frequency(
        boolean keySupervision,
        int maxPerYear,
        int minPerYear,
        double samplingRatio,
        int minIntervalDays,
        List<FiredRule> rules) {}
