package org.safereg.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleRow;
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
 * Records versions in MySQL with their files (and, for those that compiled, their rules), so that every
 * decision's rule-set version can be looked up later. The version the first instance starts with (the
 * repository's folders) is the first version and the first one active.
 */
@Component
@Order(10)
class RuleSetRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;

    RuleSetRegistry(
            RuleEngine engine, RuleSetMapper mapper, TransactionTemplate transactions, Clock clock, ObjectMapper json) {
        this.engine = engine;
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        RuleSetSnapshot snapshot = engine.active();
        String hash = snapshot.version().hash();
        try {
            transactions.executeWithoutResult(status -> {
                String active = mapper.activeVersion();
                boolean first = active == null;
                if (!mapper.exists(hash)) {
                    RuleSetState state = first || active.equals(hash) ? RuleSetState.ACTIVE : RuleSetState.CANDIDATE;
                    insert(
                            hash,
                            null,
                            "system",
                            "loaded at start-up",
                            state,
                            Findings.none(),
                            snapshot.files(),
                            snapshot);
                }
                if (first) {
                    Instant now = Instant.now(clock);
                    mapper.insertActivation(
                            hash, "system", now, "the first version: the rule set the service started with");
                    mapper.insertAudit(
                            now,
                            "system",
                            "ACTIVATED",
                            hash,
                            "the first version: the rule set the service started with");
                }
            });
            log.info("Rule set {} recorded", snapshot.version().shortHash());
        } catch (DuplicateKeyException e) {
            // another instance recorded the same version at the same moment
        }
    }

    /**
     * Writes a version with its files (and rules, when it compiled); the caller's transaction makes it whole.
     */
    void insert(
            String version,
            String parent,
            String author,
            String comment,
            RuleSetState state,
            Findings findings,
            List<RuleFile> files,
            RuleSetSnapshot compiled) {
        mapper.insertVersion(version, parent, author, comment, Instant.now(clock), state.name(), toJson(findings));
        Map<String, Integer> rulesPerFile = compiled == null
                ? Map.of()
                : compiled.version().files().stream()
                        .collect(Collectors.toMap(RuleSetVersion.FileSummary::path, RuleSetVersion.FileSummary::rules));
        if (compiled != null) {
            List<RuleRow> rules = compiled.rules().stream().map(RuleRow::of).toList();
            for (int i = 0; i < rules.size(); i += 500) {
                mapper.insertRules(version, rules.subList(i, Math.min(rules.size(), i + 500)));
            }
        }
        for (RuleFile file : files) {
            mapper.insertFile(
                    version,
                    file.path(),
                    RuleEngine.fileHash(file),
                    rulesPerFile.getOrDefault(file.path(), 0),
                    file.content());
        }
    }

    private String toJson(Findings findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
