package org.safereg.rulesets;

import java.time.Instant;

/** Who did what to which version, when and why. */
record AuditEntry(long id, Instant at, String actor, String action, String version, String reason) {}
