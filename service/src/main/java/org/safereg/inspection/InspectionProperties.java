package org.safereg.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inspection plans.
 *
 * @param insertBatch plan items sent to the database at a time (Connector/J makes multi-row statements of them)
 * @param listLimit most plans one listing returns
 * @param focusReaders chunks of a plan's focus points read at once, each on a connection of its own
 */
@ConfigurationProperties("safereg.inspection")
record InspectionProperties(
        @DefaultValue("500") int insertBatch,
        @DefaultValue("100") int listLimit,
        @DefaultValue("3") int focusReaders) {}
