package org.safereg.province;

/**
 * Systematic sampling of a rare event across the enterprises in generation order: each enterprise adds its
 * expected number of events and an event happens whenever the running total crosses a whole number. The
 * province then holds the expected number of events give or take one, so that even a small province shows
 * every kind of veto, while riskier enterprises stay the likelier ones to be hit.
 */
final class Quota {

    private double accumulated;

    /** @param offset where in [0, 1) the running total starts, drawn from the generation seed */
    Quota(double offset) {
        this.accumulated = offset;
    }

    boolean draw(double expected) {
        if (expected < 0 || expected >= 1) {
            throw new IllegalArgumentException("a quota expects less than one event per draw, got " + expected);
        }
        accumulated += expected;
        if (accumulated >= 1) {
            accumulated -= 1;
            return true;
        }
        return false;
    }
}
