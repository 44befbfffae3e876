/** Monitoring and early warning: monitoring points, sensor readings, threshold decisions and the alarm lifecycle. */
@OwnsTables(
        value = {"monitoring_points", "alarms", "alarm_events"},
        publishes = {"monitoring_points_view", "alarms_view"})
package org.safereg.monitoring;

import org.safereg.system.OwnsTables;
