package org.safereg.escalation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation run. What is due and whom to tell is the policy in escalation-policy.xlsx; these say how
 * often and how far back the run looks.
 *
 * @param period how often one instance (ShedLock) evaluates what is due
 * @param repeatLookback how far back a monitoring point's earlier alarms are loaded for the table's
 *     repeated-alarm windows; a window longer than this counts only what falls inside it
 * @param tierChangeLookback how far back credit tier changes are looked for (a run missed while no instance
 *     was up is caught up within it)
 * @param stream the Redis stream notifications are published on for whatever delivers them (SMS, phone)
 */
@ConfigurationProperties("safereg.escalation")
record EscalationProperties(
        @DefaultValue("PT1M") Duration period,
        @DefaultValue("PT24H") Duration repeatLookback,
        @DefaultValue("P7D") Duration tierChangeLookback,
        @DefaultValue("safereg:notifications") String stream) {}
