package org.safereg.credit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credit evaluation.
 *
 * @param schedule cron of the scheduled full evaluation (default 01:30 every night)
 * @param windowMonths months of facts the indicators look at (violations, drills, major hazards due)
 * @param vetoLookbackMonths months of accidents loaded for the veto rules (a serious-dishonesty listing
 *     lasts 3 years)
 * @param pageSize enterprises read, evaluated and written together
 * @param evaluateOnStart run a full evaluation at start-up when no enterprise has a result yet
 * @param staleCheck how often each instance re-reads whether the Redis read model is behind MySQL
 */
@ConfigurationProperties("safereg.credit")
record CreditProperties(
        @DefaultValue("0 30 1 * * *") String schedule,
        @DefaultValue("12") int windowMonths,
        @DefaultValue("36") int vetoLookbackMonths,
        @DefaultValue("2000") int pageSize,
        @DefaultValue("true") boolean evaluateOnStart,
        @DefaultValue("PT2S") Duration staleCheck) {}
