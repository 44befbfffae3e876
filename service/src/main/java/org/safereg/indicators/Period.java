package org.safereg.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One month, quarter or year: its label as the API writes it ({@code 2026-03}, {@code 2026-Q1}, {@code 2026}), its
 * first day, the day after its last, and the bucket number the SQL computes for it.
 */
record Period(String label, LocalDate start, LocalDate end, int bucket) {

    enum Granularity {
        MONTH(Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])"), "2026-03"),
        QUARTER(Pattern.compile("(\\d{4})-Q([1-4])"), "2026-Q1"),
        YEAR(Pattern.compile("(\\d{4})"), "2026");

        final Pattern label;
        final String example;

        Granularity(Pattern label, String example) {
            this.label = label;
            this.example = example;
        }
    }

    /** The period of this granularity that {@code label} names, or null when it names none. */
    static Period parse(Granularity granularity, String label) {
        Matcher m = granularity.label.matcher(label == null ? "" : label.strip());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1900 || year > 2999) {
            return null;
        }
        return switch (granularity) {
            case MONTH -> of(granularity, LocalDate.of(year, Integer.parseInt(m.group(2)), 1));
            case QUARTER -> of(granularity, LocalDate.of(year, 3 * Integer.parseInt(m.group(2)) - 2, 1));
            case YEAR -> of(granularity, LocalDate.of(year, 1, 1));
        };
    }

    /** The period of this granularity that contains {@code day}. */
    static Period of(Granularity granularity, LocalDate day) {
        int year = day.getYear();
        return switch (granularity) {
            case MONTH -> {
                LocalDate start = day.withDayOfMonth(1);
                yield new Period(
                        YearMonth.from(start).toString(), start, start.plusMonths(1), year * 100 + day.getMonthValue());
            }
            case QUARTER -> {
                int quarter = (day.getMonthValue() - 1) / 3 + 1;
                LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
                yield new Period(year + "-Q" + quarter, start, start.plusMonths(3), year * 10 + quarter);
            }
            case YEAR -> {
                LocalDate start = LocalDate.of(year, 1, 1);
                yield new Period(String.valueOf(year), start, start.plusYears(1), year);
            }
        };
    }

    /** The same period a year earlier. */
    Period yearBefore(Granularity granularity) {
        return of(granularity, start.minusYears(1));
    }

    /** Every period from {@code first} to {@code last}, both included. */
    static List<Period> between(Granularity granularity, Period first, Period last) {
        List<Period> periods = new ArrayList<>();
        for (Period p = first; !p.start.isAfter(last.start); p = of(granularity, p.end)) {
            periods.add(p);
        }
        return periods;
    }
}
