package org.safereg.inspection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The period a plan covers: a calendar month, quarter or year from its first day, both ends included. */
record PlanPeriod(Kind kind, LocalDate start, LocalDate end) {

    enum Kind {
        MONTH,
        QUARTER,
        YEAR
    }

    static PlanPeriod of(Kind kind, LocalDate start) {
        LocalDate end =
                switch (kind) {
                    case MONTH -> start.plusMonths(1);
                    case QUARTER -> start.plusMonths(3);
                    case YEAR -> start.plusYears(1);
                };
        return new PlanPeriod(kind, start, end.minusDays(1));
    }

    long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The share of a year this period is, for per-year figures applied to it. */
    double shareOfYear() {
        return (double) days() / start.lengthOfYear();
    }
}
