package org.safereg.province;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic province generated at start-up.
 *
 * @param generate when to generate it into an empty database: {@code EMBEDDED} (default) only into the
 *     embedded H2 database, so that a real MySQL is never filled with made-up enterprises by accident;
 *     {@code ALWAYS} into any database whose enterprises table is empty (demonstrations, load tests);
 *     {@code NEVER}
 * @param size number of enterprises (default 3,000; the benchmark scale is 100,000)
 * @param seed the random seed: the same seed, size and as-of date always give the same rows
 * @param asOf the day the 36 months of facts lead up to; unset means today by the service's clock, which is
 *     what the credit evaluation looks back from (a date long past leaves its 12-month window without facts)
 */
@ConfigurationProperties("safereg.province")
record ProvinceProperties(
        @DefaultValue("EMBEDDED") Generate generate,
        @DefaultValue("3000") int size,
        @DefaultValue("20260101") long seed,
        LocalDate asOf) {

    enum Generate {
        EMBEDDED,
        ALWAYS,
        NEVER
    }
}
