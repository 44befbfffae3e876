package org.safereg.rulesets;

/** One stored file of a version; {@code content} is null when only the listing was read. */
record FileRow(String path, String sha256, int rules, long size, byte[] content) {}
