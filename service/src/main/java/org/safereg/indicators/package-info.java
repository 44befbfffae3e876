/**
 * Outcome indicators of supervision (accidents, rectification time, inspections, alarm handling, self-reporting,
 * credit and risk over time) by region, sector and period, aggregated in SQL over the views the owners publish.
 */
@OwnsTables({})
package org.safereg.indicators;

import org.safereg.system.OwnsTables;
