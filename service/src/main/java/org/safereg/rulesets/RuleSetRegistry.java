package org.safereg.rulesets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.engine.RuleSetVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the version the service started with in MySQL, with its files, so that every decision's
 * rule-set version can be looked up later. The repository's folders are the first version.
 */
@Component
@Order(10)
class RuleSetRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RuleSetRegistry(RuleEngine engine, RuleSetMapper mapper, TransactionTemplate transactions, Clock clock) {
        this.engine = engine;
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        record(engine.active(), "system", "loaded at start-up");
    }

    void record(RuleSetSnapshot snapshot, String author, String comment) {
        RuleSetVersion version = snapshot.version();
        if (mapper.exists(version.hash())) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                mapper.insertVersion(version.hash(), null, author, comment, Instant.now(clock));
                List<RuleRow> rules = snapshot.rules().stream().map(RuleRow::of).toList();
                for (int i = 0; i < rules.size(); i += 500) {
                    mapper.insertRules(version.hash(), rules.subList(i, Math.min(rules.size(), i + 500)));
                }
                for (RuleFile file : snapshot.files()) {
                    RuleSetVersion.FileSummary summary = version.files().stream()
                            .filter(f -> f.path().equals(file.path()))
                            .findFirst()
                            .orElseThrow();
                    mapper.insertFile(version.hash(), file.path(), summary.sha256(), summary.rules(), file.content());
                }
            });
            log.info(
                    "Recorded rule set {} ({} files)",
                    version.shortHash(),
                    snapshot.files().size());
        } catch (DuplicateKeyException e) {
            // another instance recorded the same version at the same moment
        }
    }
}
