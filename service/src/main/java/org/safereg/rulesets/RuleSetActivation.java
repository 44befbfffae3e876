package org.safereg.rulesets;

import java.time.Instant;
import org.safereg.system.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a version in force: compiled here, recorded in MySQL as the active version, swapped in on this
 * instance and announced so that every other instance installs it. Activating a version that was in force
 * before is a rollback.
 */
class RuleSetActivation {

    private static final Logger log = LoggerFactory.getLogger(RuleSetActivation.class);

    private final ActivationGate gate;
    private final RuleSetMapper mapper;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ActiveVersionSync sync;
    private final ActivationAnnouncement announcement;

    RuleSetActivation(
            ActivationGate gate,
            RuleSetMapper mapper,
            AuditTrail audit,
            TransactionTemplate transactions,
            ActiveVersionSync sync,
            ActivationAnnouncement announcement) {
        this.gate = gate;
        this.mapper = mapper;
        this.audit = audit;
        this.transactions = transactions;
        this.sync = sync;
        this.announcement = announcement;
    }

    void activate(Caller caller, String version, String reason) {
        ActivationGate.Cleared cleared = gate.clear(version);
        boolean rollback = cleared.rollback();
        Instant now = audit.now();
        String why = AuditTrail.reason(reason);
        // recorded and swapped under the sync's lock, so that an activation announced meanwhile never crosses it
        sync.recordAndInstall(
                () -> transactions.executeWithoutResult(status -> {
                    String previous = mapper.activeVersion();
                    if (previous != null && !previous.equals(version)) {
                        mapper.updateState(previous, RuleSetState.RETIRED.name());
                    }
                    mapper.updateState(version, RuleSetState.ACTIVE.name());
                    mapper.insertActivation(version, caller.subject(), now, why);
                    audit.record(now, caller.subject(), rollback ? "ROLLED_BACK" : "ACTIVATED", version, why);
                }),
                cleared.snapshot());
        announcement.announce(version, caller.subject());
        log.info(
                "Rule set {} {} by {}",
                version.substring(0, 12),
                rollback ? "rolled back to" : "activated",
                caller.subject());
    }
}
