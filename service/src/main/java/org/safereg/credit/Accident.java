package org.safereg.credit;

/**
 * An accident of an enterprise as the veto rules see it; {@code monthsAgo} counts whole months between
 * the accident and the evaluation date.
 */
public record Accident(long enterpriseId, AccidentGrade grade, int monthsAgo, int deaths, boolean concealed) {}
