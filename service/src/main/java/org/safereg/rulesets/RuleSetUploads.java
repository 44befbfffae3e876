package org.safereg.rulesets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.system.Caller;
import org.safereg.system.NotFoundException;
import org.safereg.system.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploaded files become a candidate version: checked at once and stored either way, a rejected version
 * with its problems, so that the author and the audit trail see what was refused and why. The active
 * version is never touched.
 */
class RuleSetUploads {

    private static final Logger log = LoggerFactory.getLogger(RuleSetUploads.class);

    private final RuleEngine engine;
    private final VersionHistory history;
    private final VersionChecks checks;
    private final RuleSetRegistry registry;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final long maxFileSize;

    RuleSetUploads(
            RuleEngine engine,
            VersionHistory history,
            VersionChecks checks,
            RuleSetRegistry registry,
            AuditTrail audit,
            TransactionTemplate transactions,
            long maxFileSize) {
        this.engine = engine;
        this.history = history;
        this.checks = checks;
        this.registry = registry;
        this.audit = audit;
        this.transactions = transactions;
        this.maxFileSize = maxFileSize;
    }

    record Uploaded(VersionView version, boolean created) {}

    /**
     * Makes a candidate from {@code base} (the active version when null) with the uploaded files in place of
     * those paths. A version that does not compile or fails its checks is stored as REJECTED and reported
     * with {@link RuleSetRejectedException}.
     */
    Uploaded upload(Caller caller, List<UploadedFiles.Upload> uploads, String base, String comment) {
        List<RuleFile> uploaded = UploadedFiles.check(uploads, maxFileSize);
        String parent = base == null || base.isBlank() ? engine.version().hash() : base.trim();
        List<RuleFile> merged = merge(parent, uploaded);
        String version = RuleEngine.contentHash(merged);
        Optional<VersionView> existing = history.stored(version);
        if (existing.isPresent()) {
            if (existing.get().state() == RuleSetState.REJECTED) {
                throw new RuleSetRejectedException(version, existing.get().problems());
            }
            return new Uploaded(existing.get(), false);
        }

        VersionChecks.Checked checked = checks.check(merged);
        RuleSetState state = checked.state();
        List<ProblemView> problems = checked.findings().problems();
        Instant now = audit.now();
        String reason = comment == null || comment.isBlank() ? null : comment.trim();
        String stored = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
        transactions.executeWithoutResult(status -> {
            registry.insert(
                    version, parent, caller.subject(), stored, state, checked.findings(), merged, checked.compiled());
            audit.record(
                    now,
                    caller.subject(),
                    state == RuleSetState.REJECTED ? "REJECTED" : "UPLOADED",
                    version,
                    state == RuleSetState.REJECTED
                            ? problems.size() + " problems; " + AuditTrail.reason(reason)
                            : reason);
        });
        log.info("Rule set {} uploaded by {}: {}", version.substring(0, 12), caller.subject(), state);
        if (state == RuleSetState.REJECTED) {
            throw new RuleSetRejectedException(version, problems);
        }
        return new Uploaded(history.version(version), true);
    }

    /** The base version's files with the uploaded ones in place of those paths (new paths added). */
    private List<RuleFile> merge(String parent, List<RuleFile> uploaded) {
        List<RuleFile> baseFiles = history.ruleFiles(parent);
        if (baseFiles.isEmpty()) {
            throw new NotFoundException(Text.of(
                    "rule-sets.unknown-parent", "There is no rule-set version {0} to base the upload on.", parent));
        }
        Map<String, RuleFile> files = new LinkedHashMap<>();
        baseFiles.forEach(f -> files.put(f.path(), f));
        uploaded.forEach(f -> files.put(f.path(), f));
        return List.copyOf(files.values());
    }
}
