package org.safereg.exchange;

import org.safereg.system.Text;

/**
 * What is wrong with one item of an import: the row (spreadsheet row with the header as 1, or JSON Lines
 * line), the column (a letter; null in JSON Lines or for the whole row), the field, and what is wrong.
 */
record ItemError(long row, String column, String field, Text message) {}
