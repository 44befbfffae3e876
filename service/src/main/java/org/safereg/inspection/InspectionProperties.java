package org.safereg.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inspection plans.
 *
 * @param insertBatch plan items written per multi-row statement
 * @param listLimit most plans one listing returns
 */
@ConfigurationProperties("safereg.inspection")
record InspectionProperties(@DefaultValue("500") int insertBatch, @DefaultValue("100") int listLimit) {}
