package org.safereg.engine;

import java.time.Instant;
import java.util.List;

/**
 * A compiled rule set as the rest of SafeReg sees it: the content hash that names the version, the
 * files it was built from, and how many rules each produced.
 */
public record RuleSetVersion(String hash, Instant compiledAt, List<FileSummary> files) {

    public String shortHash() {
        return hash.substring(0, 12);
    }

    public record FileSummary(String path, String sha256, int rules) {}
}
