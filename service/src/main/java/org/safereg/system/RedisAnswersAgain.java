package org.safereg.system;

import java.time.Instant;

/**
 * Redis answers again after it did not ({@link StoreWatch}), published before health and readiness say so. It
 * may have come back empty (a restart without persistence): what keeps a copy in it checks that copy now rather
 * than at its next look, so that the copy is rebuilt from MySQL while MySQL is there to rebuild it from.
 */
public record RedisAnswersAgain(Instant since) {}
