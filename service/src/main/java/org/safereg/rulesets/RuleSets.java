package org.safereg.rulesets;

import java.util.List;
import org.safereg.system.Caller;

/**
 * Rule-set versions for policy staff, the one door the web adapter uses: upload files into a candidate
 * version (compiled and checked, stored either way), review it, approve, activate on every instance, roll
 * back, and the audit trail of all of it. Each job is done by its own class.
 */
class RuleSets {

    private final RuleSetUploads uploads;
    private final VersionHistory history;
    private final VersionReview review;
    private final RuleSetApproval approval;
    private final RuleSetActivation activation;
    private final AuditTrail audit;

    RuleSets(
            RuleSetUploads uploads,
            VersionHistory history,
            VersionReview review,
            RuleSetApproval approval,
            RuleSetActivation activation,
            AuditTrail audit) {
        this.uploads = uploads;
        this.history = history;
        this.review = review;
        this.approval = approval;
        this.activation = activation;
        this.audit = audit;
    }

    RuleSetUploads.Uploaded upload(Caller caller, List<UploadedFiles.Upload> files, String base, String comment) {
        return uploads.upload(caller, files, base, comment);
    }

    List<VersionSummary> list(int limit) {
        return history.list(limit);
    }

    VersionView version(String version) {
        return history.version(version);
    }

    FileRow file(String version, String path) {
        return history.file(version, path);
    }

    VersionReview.ExampleResults examples(String version) {
        return review.examples(version);
    }

    List<ModelTableView> models(String version) {
        return ModelTableView.of(history.ruleFiles(version), history.findings(history.row(version)));
    }

    RuleSetDiff.View diff(String version, String against) {
        return review.diff(version, against);
    }

    String generatedDrl(String version, String path) {
        return review.generatedDrl(version, path);
    }

    VersionView approve(Caller caller, String version, String reason) {
        return approval.approve(caller, version, reason);
    }

    VersionView activate(Caller caller, String version, String reason) {
        activation.activate(caller, version, reason);
        return history.version(version);
    }

    List<AuditEntry> audit(String version, int limit) {
        return audit.entries(version, limit);
    }
}
