package org.safereg.exchange;

import java.time.LocalDate;
import java.util.Set;

/** What a row is judged against beside itself: today, and the regions that exist. */
record ImportContext(LocalDate today, Set<String> regionCodes) {}
