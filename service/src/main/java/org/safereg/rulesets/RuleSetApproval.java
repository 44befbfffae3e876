package org.safereg.rulesets;

import java.time.Instant;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.Text;
import org.springframework.transaction.support.TransactionTemplate;

/** Four eyes: a second policy admin, never the author, approves a candidate before its first activation. */
class RuleSetApproval {

    private final VersionHistory history;
    private final RuleSetMapper mapper;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    RuleSetApproval(VersionHistory history, RuleSetMapper mapper, AuditTrail audit, TransactionTemplate transactions) {
        this.history = history;
        this.mapper = mapper;
        this.audit = audit;
        this.transactions = transactions;
    }

    VersionView approve(Caller caller, String version, String reason) {
        VersionRow row = history.row(version);
        RuleSetState state = RuleSetState.valueOf(row.state());
        if (state != RuleSetState.CANDIDATE) {
            throw new ConflictException(Text.of(
                    "rule-sets.only-candidate",
                    "Rule set {0} is {1}; only a CANDIDATE can be approved.",
                    version,
                    state));
        }
        if (row.author().equals(caller.subject())) {
            throw new ConflictException(Text.of(
                    "rule-sets.four-eyes",
                    "Rule set {0} was uploaded by {1}; a second policy admin must approve it (four eyes).",
                    version,
                    caller.subject()));
        }
        Instant now = audit.now();
        transactions.executeWithoutResult(status -> {
            if (mapper.approve(version, caller.subject(), now) != 1) {
                throw new ConflictException(
                        Text.of("rule-sets.changed", "Rule set {0} changed state meanwhile; reload it.", version));
            }
            audit.record(now, caller.subject(), "APPROVED", version, AuditTrail.reason(reason));
        });
        return history.version(version);
    }
}
