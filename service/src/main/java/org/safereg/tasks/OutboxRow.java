package org.safereg.tasks;

import java.time.Instant;

/** An outbox entry waiting for the stream. */
record OutboxRow(long id, long taskId, String event, String payload, Instant createdAt) {}
