package org.safereg.credit;

import java.time.LocalDate;

record AccidentRow(long enterpriseId, LocalDate occurredOn, String grade, int deaths, boolean concealed) {}
