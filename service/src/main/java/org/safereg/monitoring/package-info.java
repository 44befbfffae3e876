/** Monitoring and early warning: monitoring points, sensor readings, threshold decisions and the alarm lifecycle. */
package org.safereg.monitoring;
