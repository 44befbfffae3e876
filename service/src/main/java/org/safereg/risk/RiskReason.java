package org.safereg.risk;

/**
 * One fact that raised an enterprise's risk level, with the level its row gives and the rule (ordinal in
 * the version's rule catalog) of that row.
 *
 * @param fact INHERENT, CREDIT, ALARMS or HAZARDS
 * @param detail the fact's value in words, e.g. "2 open level-2 alarms"
 */
record RiskReason(String level, String fact, String detail, int rule) {}
