package org.safereg.impact;

/** What an impact report says of an enterprise: who and where it is, and what the frequency table reads. */
record ImpactEnterprise(
        long id, String creditCode, String name, String regionCode, String regionName, String sector, String grade) {}
