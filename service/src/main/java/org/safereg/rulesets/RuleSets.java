package org.safereg.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safereg.engine.RuleEngine;
import org.safereg.engine.RuleFile;
import org.safereg.engine.RuleSetActivated;
import org.safereg.engine.RuleSetCompilationException;
import org.safereg.engine.RuleSetSnapshot;
import org.safereg.system.Caller;
import org.safereg.system.ConflictException;
import org.safereg.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule-set versions for policy staff: upload files into a candidate version (compiled and checked, stored
 * either way), approve, activate on every instance, roll back, and the audit trail of all of it.
 */
class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    private final RuleEngine engine;
    private final RuleSetMapper mapper;
    private final RuleSetRegistry registry;
    private final RuleSetCompiles compiles;
    private final ActiveVersionSync sync;
    private final RuleSetBroadcast broadcast;
    private final TableChecks checks;
    private final RuleSetProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Examples examples;

    RuleSets(
            RuleEngine engine,
            RuleSetMapper mapper,
            RuleSetRegistry registry,
            RuleSetCompiles compiles,
            ActiveVersionSync sync,
            RuleSetBroadcast broadcast,
            TableChecks checks,
            RuleSetProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            ObjectMapper json,
            ApplicationEventPublisher events,
            Examples examples) {
        this.engine = engine;
        this.mapper = mapper;
        this.registry = registry;
        this.compiles = compiles;
        this.sync = sync;
        this.broadcast = broadcast;
        this.checks = checks;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.events = events;
        this.examples = examples;
    }

    record Uploaded(VersionView version, boolean created) {}

    /**
     * Makes a candidate from {@code base} (the active version when null) with the uploaded files in place of
     * those paths. A version that does not compile or fails its checks is stored as REJECTED and reported
     * with {@link RuleSetRejectedException}; the active version is never touched.
     */
    Uploaded upload(Caller caller, List<UploadedFiles.Upload> uploads, String base, String comment) {
        List<RuleFile> uploaded =
                UploadedFiles.check(uploads, properties.maxFileSize().toBytes());
        String parent = base == null || base.isBlank() ? engine.version().hash() : base.trim();
        List<FileRow> baseFiles = mapper.filesWithContent(parent);
        if (baseFiles.isEmpty()) {
            throw new NotFoundException("There is no rule-set version " + parent + " to base the upload on.");
        }
        Map<String, RuleFile> files = new LinkedHashMap<>();
        baseFiles.forEach(f -> files.put(f.path(), new RuleFile(f.path(), f.content())));
        uploaded.forEach(f -> files.put(f.path(), f));
        List<RuleFile> merged = List.copyOf(files.values());
        String version = RuleEngine.contentHash(merged);
        VersionRow existing = mapper.version(version);
        if (existing != null) {
            VersionView view = view(existing);
            if (view.state() == RuleSetState.REJECTED) {
                throw new RuleSetRejectedException(version, view.problems());
            }
            return new Uploaded(view, false);
        }

        RuleSetSnapshot snapshot = null;
        List<ProblemView> problems = new ArrayList<>();
        List<ProblemView> warnings = new ArrayList<>();
        try {
            snapshot = compiles.compile(merged);
        } catch (RuleSetCompilationException e) {
            e.problems().forEach(p -> problems.add(ProblemView.of(p)));
        }
        // table checks speak of every workbook of the version, compiled or not
        checks.check(merged, problems, warnings);
        List<ExampleCase> decided = null;
        if (snapshot != null) {
            snapshot.warnings().forEach(w -> warnings.add(ProblemView.inFile("(rule set)", w, "编译警告：" + w)));
            checks.check(snapshot, warnings);
            // failing examples keep the version a CANDIDATE that cannot be activated, so that its author
            // sees every case's result; example rows that cannot be read are problems like any other cell
            Examples.Run run = examples.run(merged, snapshot);
            problems.addAll(run.problems());
            decided = run.cases();
        }
        List<ExampleCase> cases = decided;
        RuleSetState state = problems.isEmpty() ? RuleSetState.CANDIDATE : RuleSetState.REJECTED;
        RuleSetSnapshot compiled = problems.isEmpty() ? snapshot : null;
        Instant now = Instant.now(clock);
        String reason = comment == null || comment.isBlank() ? null : comment.trim();
        String stored = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
        transactions.executeWithoutResult(status -> {
            registry.insert(
                    version,
                    parent,
                    caller.subject(),
                    stored,
                    state,
                    new Findings(problems, warnings, cases),
                    merged,
                    compiled);
            mapper.insertAudit(
                    now,
                    caller.subject(),
                    state == RuleSetState.REJECTED ? "REJECTED" : "UPLOADED",
                    version,
                    state == RuleSetState.REJECTED ? problems.size() + " problems; " + summary(reason) : reason);
        });
        log.info("Rule set {} uploaded by {}: {}", version.substring(0, 12), caller.subject(), state);
        if (state == RuleSetState.REJECTED) {
            throw new RuleSetRejectedException(version, problems);
        }
        return new Uploaded(version(version), true);
    }

    List<VersionSummary> list(int limit) {
        String active = mapper.activeVersion();
        return mapper.versions(limit).stream()
                .map(row -> {
                    Findings findings = findings(row);
                    return new VersionSummary(
                            row.version(),
                            row.parentVersion(),
                            row.author(),
                            row.comment(),
                            row.createdAt(),
                            RuleSetState.valueOf(row.state()),
                            row.version().equals(active),
                            findings.problems().size(),
                            findings.warnings().size());
                })
                .toList();
    }

    VersionView version(String version) {
        return view(row(version));
    }

    FileRow file(String version, String path) {
        row(version);
        FileRow file = mapper.file(version, path);
        if (file == null) {
            throw new NotFoundException("Rule set " + version + " has no file " + path + ".");
        }
        return file;
    }

    record ExampleResults(String version, long passed, long failed, List<ExampleCase> cases) {}

    /** How a version decides its example cases: as stored at upload, or decided now for an older version. */
    ExampleResults examples(String version) {
        VersionRow row = row(version);
        List<ExampleCase> cases = findings(row).examples();
        if (cases == null) {
            if (RuleSetState.valueOf(row.state()) == RuleSetState.REJECTED) {
                cases = List.of();
            } else {
                List<RuleFile> files = mapper.filesWithContent(version).stream()
                        .map(f -> new RuleFile(f.path(), f.content()))
                        .toList();
                cases = examples.run(files, compiles.compile(files)).cases();
            }
        }
        Examples.Summary summary = Examples.summary(cases);
        return new ExampleResults(version, summary.passed(), summary.failed(), cases);
    }

    /** What changed from {@code against} (the active version when null) to {@code version}, row by row. */
    RuleSetDiff.View diff(String version, String against) {
        String other = against == null || against.isBlank() ? mapper.activeVersion() : against.trim();
        row(version);
        row(other);
        return RuleSetDiff.between(version, mapper.filesWithContent(version), other, mapper.filesWithContent(other));
    }

    /** The DRL the spreadsheet compiler generates from one workbook of a version, for review. */
    String generatedDrl(String version, String path) {
        FileRow file = file(version, path);
        RuleFile workbook = new RuleFile(file.path(), file.content());
        if (!workbook.isDecisionTable()) {
            throw new NotFoundException(path + " is a DRL file, not a decision table: download it as it is.");
        }
        try {
            return engine.generatedDrl(workbook);
        } catch (RuleSetCompilationException e) {
            throw new RuleSetRejectedException(
                    version, e.problems().stream().map(ProblemView::of).toList());
        }
    }

    VersionView approve(Caller caller, String version, String reason) {
        VersionRow row = row(version);
        RuleSetState state = RuleSetState.valueOf(row.state());
        if (state != RuleSetState.CANDIDATE) {
            throw new ConflictException("Rule set " + version + " is " + state + "; only a CANDIDATE can be approved.");
        }
        if (row.author().equals(caller.subject())) {
            throw new ConflictException("Rule set " + version + " was uploaded by " + caller.subject()
                    + "; a second policy admin must approve it (four eyes).");
        }
        Instant now = Instant.now(clock);
        transactions.executeWithoutResult(status -> {
            if (mapper.approve(version, caller.subject(), now) != 1) {
                throw new ConflictException("Rule set " + version + " changed state meanwhile; reload it.");
            }
            mapper.insertAudit(now, caller.subject(), "APPROVED", version, summary(reason));
        });
        return version(version);
    }

    /**
     * Puts a version in force: compiled here, recorded in MySQL as the active version, swapped in on this
     * instance and announced so that every other instance installs it. Activating a version that was in force
     * before is a rollback.
     */
    VersionView activate(Caller caller, String version, String reason) {
        VersionRow row = row(version);
        RuleSetState state = RuleSetState.valueOf(row.state());
        if (state == RuleSetState.REJECTED) {
            throw new ConflictException("Rule set " + version
                    + " was rejected (it did not compile or failed its checks) and can never become active.");
        }
        if (version.equals(mapper.activeVersion())) {
            throw new ConflictException("Rule set " + version + " is already active.");
        }
        boolean rollback = mapper.wasActive(version);
        if (properties.fourEyes() && !rollback && state != RuleSetState.APPROVED) {
            throw new ConflictException("Rule set " + version
                    + " needs the approval of a second policy admin before it can be activated (four eyes).");
        }
        List<RuleFile> files = mapper.filesWithContent(version).stream()
                .map(f -> new RuleFile(f.path(), f.content()))
                .toList();
        RuleSetSnapshot snapshot;
        try {
            snapshot = compiles.compile(files);
        } catch (RuleSetCompilationException e) {
            throw new ConflictException("Rule set " + version + " no longer compiles: " + e.getMessage(), e);
        }
        if (!rollback) {
            // run again rather than trusted from the upload: the regression cases may have grown since
            Examples.Run run = examples.run(files, snapshot);
            List<ExampleCase> failing =
                    run.cases().stream().filter(c -> !c.passed()).toList();
            if (!failing.isEmpty() || !run.problems().isEmpty()) {
                throw new ConflictException("Rule set " + version + " fails "
                        + (failing.size() + run.problems().size())
                        + " of its examples and cannot be activated: "
                        + failing.stream()
                                .limit(5)
                                .map(c -> c.label() + ": " + c.message())
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(
                                        run.problems().isEmpty()
                                                ? ""
                                                : run.problems().get(0).location())
                        + (failing.size() > 5 ? "; …" : "") + ".");
            }
        }
        Instant now = Instant.now(clock);
        String why = summary(reason);
        sync.recordAndInstall(
                () -> transactions.executeWithoutResult(status -> {
                    String previous = mapper.activeVersion();
                    if (previous != null && !previous.equals(version)) {
                        mapper.updateState(previous, RuleSetState.RETIRED.name());
                    }
                    mapper.updateState(version, RuleSetState.ACTIVE.name());
                    mapper.insertActivation(version, caller.subject(), now, why);
                    mapper.insertAudit(now, caller.subject(), rollback ? "ROLLED_BACK" : "ACTIVATED", version, why);
                }),
                snapshot);
        broadcast.announce(version);
        if (properties.reevaluateOnActivation()) {
            events.publishEvent(new RuleSetActivated(version, caller.subject()));
        }
        log.info(
                "Rule set {} {} by {}",
                version.substring(0, 12),
                rollback ? "rolled back to" : "activated",
                caller.subject());
        return version(version);
    }

    List<AuditEntry> audit(String version, int limit) {
        return mapper.audit(version, limit);
    }

    private VersionRow row(String version) {
        VersionRow row = version == null ? null : mapper.version(version);
        if (row == null) {
            throw new NotFoundException("There is no rule-set version " + version + ".");
        }
        return row;
    }

    private VersionView view(VersionRow row) {
        Findings findings = findings(row);
        List<VersionView.FileView> files = mapper.files(row.version()).stream()
                .map(f -> new VersionView.FileView(f.path(), f.sha256(), f.rules(), f.size()))
                .toList();
        return new VersionView(
                row.version(),
                row.parentVersion(),
                row.author(),
                row.comment(),
                row.createdAt(),
                RuleSetState.valueOf(row.state()),
                row.version().equals(mapper.activeVersion()),
                row.approvedBy(),
                row.approvedAt(),
                files,
                findings.problems(),
                findings.warnings(),
                findings.examples() == null ? null : Examples.summary(findings.examples()));
    }

    private Findings findings(VersionRow row) {
        if (row.findings() == null || row.findings().isBlank()) {
            return Findings.none();
        }
        try {
            Findings findings = json.readValue(row.findings(), Findings.class);
            return new Findings(
                    findings.problems() == null ? List.of() : findings.problems(),
                    findings.warnings() == null ? List.of() : findings.warnings(),
                    findings.examples());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable findings of rule set " + row.version(), e);
        }
    }

    private static String summary(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String trimmed = reason.trim();
        return trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed;
    }
}
