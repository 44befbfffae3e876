package org.safereg.tasks;

import java.time.Instant;

/** The outbox entries not delivered yet: how many, and the time the oldest was written (null when none). */
record OutboxLag(long pending, Instant oldest) {}
