package org.safereg.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The moment credit is decided at and the facts it looks at: indicators from {@code start} and accidents
 * from {@code accidentsSince}, up to {@code asOf}.
 */
record CreditWindow(Instant now, LocalDate asOf, LocalDate start, LocalDate accidentsSince) {

    /** Now, in whole seconds: what MariaDB keeps through Connector/J, so both stores show the same time. */
    static CreditWindow now(Clock clock, CreditProperties properties) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate asOf = LocalDate.ofInstant(now, clock.getZone());
        return new CreditWindow(
                now,
                asOf,
                asOf.minusMonths(properties.windowMonths()),
                asOf.minusMonths(properties.vetoLookbackMonths()));
    }
}
