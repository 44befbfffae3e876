package org.safereg.inspection;

import java.time.LocalDate;

/**
 * One fact an inspector should look at, with how many of its kind the enterprise has in all.
 *
 * @param detail what it is: a hazard's grade, an alarm's level and colour, a violation's law article
 */
record FocusRow(long enterpriseId, String description, String detail, LocalDate on, int total) {}
