package org.safereg.monitoring;

import java.time.Instant;

/** A reading that passed validation, with its point and its place in the request. */
record Reading(int index, MonitoringPoint point, double value, Instant at) {}
