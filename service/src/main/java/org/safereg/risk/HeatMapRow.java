package org.safereg.risk;

/**
 * One aggregate of the heat map as MySQL counts it: enterprises (or open hazards of one description) per
 * sub-region, sector and risk level.
 */
record HeatMapRow(String region, String regionName, String sector, String level, String description, int count) {}
