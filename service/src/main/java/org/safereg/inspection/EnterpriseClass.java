package org.safereg.inspection;

/** What the frequency table reads of an enterprise; enterprises of one class are treated alike. */
record EnterpriseClass(String sector, String creditTier, String grade, String riskLevel) {}
