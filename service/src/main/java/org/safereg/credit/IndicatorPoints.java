package org.safereg.credit;

/** One indicator's raw value, the points its band awarded and its weight in the total (percent). */
public record IndicatorPoints(String indicator, Double value, Double points, Double weightPercent) {}
