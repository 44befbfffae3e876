package org.safereg.province;

/** One administrative division of the synthetic province. */
record Region(String code, String name, String level, String parentCode) {}
