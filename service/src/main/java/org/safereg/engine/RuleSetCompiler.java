package org.safereg.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the files of a rule set into an immutable {@link RuleSetSnapshot}. Workbooks are turned
 * into DRL here rather than by the KIE builder, so that every rule can be traced to its sheet and row
 * and every compile error to its cell.
 */
final class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    RuleSetSnapshot compile(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Unit> units = new LinkedHashMap<>();
        for (RuleFile file : files) {
            Unit unit = prepare(file, problems);
            if (unit != null) {
                units.put(unit.kiePath(), unit);
            }
        }
        for (RuleFile file : files) {
            if (file.isModelExamples() && files.stream().noneMatch(f -> f.path().equals(file.examplesOf()))) {
                problems.add(RuleProblem.inFile(
                        file.path(), "examples without their model: the rule set has no " + file.examplesOf()));
            }
        }
        if (files.isEmpty()) {
            problems.add(RuleProblem.inFile("(rule set)", "the rule set has no DRL file and no decision table"));
        }
        long dmnStarted = System.nanoTime();
        DmnModels models = DmnModels.compile(files, problems);
        if (models != null && models != DmnModels.NONE) {
            log.info(
                    "Compiled {} DMN models ({} decision tables, {} rules) in {} ms",
                    models.modelNames().size(),
                    models.tables().size(),
                    models.rules().size(),
                    (System.nanoTime() - dmnStarted) / 1_000_000);
        }
        if (!problems.isEmpty()) {
            // the files that did prepare are still built, so that one upload reports every file's errors
            problems.addAll(errorsOf(units));
            throw new RuleSetCompilationException(deduplicate(problems));
        }

        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        String hash = hash(files);
        ReleaseId releaseId = kie.newReleaseId(
                "org.safereg", "rule-set", "0.0." + BUILDS.incrementAndGet() + "-" + hash.substring(0, 12));
        kfs.generateAndWritePomXML(releaseId);
        for (Unit unit : units.values()) {
            kfs.write("src/main/resources/" + unit.kiePath(), unit.drl().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(units, message));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(deduplicate(problems));
        }
        List<String> warnings = builder.getResults().getMessages(Message.Level.WARNING).stream()
                .map(m -> locate(units, m).toString())
                .toList();
        warnings.forEach(w -> log.warn("Rule set warning: {}", w));

        KieContainer container = kie.newKieContainer(releaseId);
        // the container keeps what it needs; the repository would otherwise hold every version ever built
        kie.getRepository().removeKieModule(releaseId);
        KieBase base = container.getKieBase();

        Map<String, RuleOrigin> origins = new LinkedHashMap<>();
        Map<String, Integer> rulesPerFile = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        for (Unit unit : units.values()) {
            rulesPerFile.put(unit.file().path(), 0);
            if (unit.table() != null) {
                generated.put(unit.file().path(), unit.drl());
            }
        }
        Map<String, Unit> owners = new LinkedHashMap<>();
        for (Unit unit : units.values()) {
            unit.ruleNames().forEach(name -> owners.put(key(unit.packageName(), name), unit));
        }
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Unit unit = owners.get(key(pkg.getName(), rule.getName()));
                if (unit == null) {
                    continue;
                }
                origins.put(key(pkg.getName(), rule.getName()), unit.origin(rule.getName()));
                rulesPerFile.merge(unit.file().path(), 1, Integer::sum);
            }
        }
        for (DmnModels.CatalogRule rule : models.rules()) {
            rulesPerFile.merge(rule.origin().file(), 1, Integer::sum);
        }
        List<RuleSetVersion.FileSummary> summaries = files.stream()
                .map(f -> new RuleSetVersion.FileSummary(
                        f.path(), sha256(f.content()), rulesPerFile.getOrDefault(f.path(), 0)))
                .toList();
        RuleSetVersion version = new RuleSetVersion(hash, clock.instant(), summaries);
        return new RuleSetSnapshot(version, files, container, base, origins, generated, warnings, models);
    }

    /** Builds {@code units} only to collect their errors (nothing is kept). */
    private static List<RuleProblem> errorsOf(Map<String, Unit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.safereg", "rule-set-check", "0.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        for (Unit unit : units.values()) {
            kfs.write("src/main/resources/" + unit.kiePath(), unit.drl().getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<RuleProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(units, message));
        }
        kie.getRepository().removeKieModule(releaseId);
        return problems;
    }

    /** The DRL the spreadsheet compiler generates from one workbook, for review. */
    static String tableDrl(RuleFile file) {
        List<RuleProblem> problems = new ArrayList<>();
        Unit unit = new RuleSetCompiler(Clock.systemUTC()).prepare(file, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetCompilationException(problems);
        }
        if (unit == null || unit.table() == null) {
            throw new RuleSetCompilationException(
                    List.of(RuleProblem.inFile(file.path(), "not a decision table: only workbooks generate DRL")));
        }
        return unit.drl();
    }

    private Unit prepare(RuleFile file, List<RuleProblem> problems) {
        if (file.isDecisionTable()) {
            DecisionTableLayout layout;
            try {
                layout = DecisionTableLayout.read(file);
            } catch (Exception | LinkageError e) {
                problems.add(RuleProblem.inFile(
                        file.path(),
                        "not a readable Excel workbook (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                + ")"));
                return null;
            }
            int before = problems.size();
            WorkbookChecks.check(file, layout, problems);
            if (problems.size() > before) {
                return null;
            }
            String drl;
            try {
                drl = new SpreadsheetCompiler()
                        .compile(
                                new ByteArrayInputStream(
                                        WorkbookText.cleaned(file).content()),
                                InputType.XLS);
            } catch (RuntimeException e) {
                problems.add(ProblemLocator.inWorkbookParse(file, layout, e.getMessage()));
                return null;
            }
            GeneratedDrl generated = new GeneratedDrl(drl);
            return new Unit(file, generated, layout, kiePath(generated.packageName(), file, ".drl"), drl);
        }
        if (file.isDmn()) {
            return null; // compiled with the other models by DmnModels
        }
        if (file.isModelExamples()) {
            return null; // read by the examples
        }
        if (file.isDrl()) {
            String drl = new String(file.content(), StandardCharsets.UTF_8);
            return new Unit(file, null, null, kiePath(GeneratedDrl.packageOf(drl), file, ""), drl);
        }
        problems.add(RuleProblem.inFile(
                file.path(),
                "not a rule file: a rule set holds DRL files (.drl), decision tables (.xlsx, .xls), DMN models (.dmn)"
                        + " and their examples (.examples.json)"));
        return null;
    }

    private static String kiePath(String pkg, RuleFile file, String suffix) {
        String folder = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
        return folder + file.path().replace('/', '_') + suffix;
    }

    private static RuleProblem locate(Map<String, Unit> units, Message message) {
        Unit unit = message.getPath() == null ? null : units.get(message.getPath());
        if (unit == null) {
            for (Unit candidate : units.values()) {
                if (message.getPath() != null && message.getPath().endsWith(candidate.kiePath())) {
                    unit = candidate;
                }
            }
        }
        if (unit == null) {
            return RuleProblem.inFile("(rule set)", ProblemLocator.reason(message.getText()));
        }
        if (unit.table() != null) {
            return ProblemLocator.inWorkbook(unit.file(), unit.layout(), unit.table(), message);
        }
        return ProblemLocator.inDrlFile(unit.file(), message);
    }

    /**
     * Drools follows a parse error with "Parser returned a null Package", and an unknown fact type with
     * a "cannot be resolved" in every row that uses it; neither says anything more.
     */
    private static List<RuleProblem> deduplicate(List<RuleProblem> problems) {
        List<RuleProblem> kept = new ArrayList<>();
        for (RuleProblem problem : problems) {
            boolean noise = problem.message().contains("Parser returned a null Package")
                    && problems.stream().anyMatch(p -> p != problem && p.file().equals(problem.file()));
            noise |= problem.message().contains("cannot be resolved")
                    && problems.stream()
                            .anyMatch(p -> p.file().equals(problem.file())
                                    && java.util.Objects.equals(p.sheet(), problem.sheet())
                                    && p.message().startsWith("the fact type"));
            if (!noise && !kept.contains(problem)) {
                kept.add(problem);
            }
        }
        return kept;
    }

    static String key(String pkg, String ruleName) {
        return pkg + "/" + ruleName;
    }

    /** SHA-256 over every file's path and content, in path order: the rule set's version. */
    static String hash(List<RuleFile> files) {
        MessageDigest digest = digest();
        files.stream().sorted((a, b) -> a.path().compareTo(b.path())).forEach(f -> {
            digest.update(f.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sha256(f.content()).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) '\n');
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Unit(RuleFile file, GeneratedDrl table, DecisionTableLayout layout, String kiePath, String drl) {

        String packageName() {
            return GeneratedDrl.packageOf(drl);
        }

        List<String> ruleNames() {
            if (table != null) {
                return List.copyOf(table.rules().keySet());
            }
            List<String> names = new ArrayList<>();
            Matcher rules = DRL_RULE.matcher(drl);
            while (rules.find()) {
                names.add(rules.group(1));
            }
            return names;
        }

        RuleOrigin origin(String ruleName) {
            if (table == null) {
                return RuleOrigin.drl(file.path());
            }
            GeneratedDrl.GeneratedRule rule = table.rules().get(ruleName);
            DecisionTableLayout.Table sheetTable = layout.table(rule.table());
            String sheet = sheetTable == null ? null : sheetTable.sheetName();
            return RuleOrigin.cell(file.path(), sheet, rule.table(), rule.row());
        }
    }
}
