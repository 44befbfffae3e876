package org.safereg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the files of a rule set: every DRL under {@code rules/} and every workbook under
 * {@code decision-tables/}, from a directory or, when none is configured, from the jar.
 */
public final class RuleSetSources {

    static final List<String> FOLDERS = List.of("rules", "decision-tables");
    private static final String CLASSPATH_ROOT = "safereg/";

    private RuleSetSources() {}

    public static List<RuleFile> load(Path location) {
        return location == null ? fromClasspath() : fromDirectory(location);
    }

    static List<RuleFile> fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleSetCompilationException(List.of(RuleProblem.inFile(
                    root.toString(),
                    "the rule set location is not a directory (set safereg.rules.location to a folder holding rules/"
                            + " and decision-tables/)")));
        }
        List<RuleFile> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.filter(Files::isRegularFile)
                        .sorted(Comparator.naturalOrder())
                        .toList()) {
                    String relative = root.relativize(path).toString().replace('\\', '/');
                    if (isRuleFile(relative)) {
                        files.add(new RuleFile(relative, Files.readAllBytes(path)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the rule set in " + dir, e);
            }
        }
        return files;
    }

    static List<RuleFile> fromClasspath() {
        var resolver = new PathMatchingResourcePatternResolver(RuleSetSources.class.getClassLoader());
        List<RuleFile> files = new ArrayList<>();
        try {
            for (String folder : FOLDERS) {
                for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH_ROOT + folder + "/**/*")) {
                    if (!resource.isReadable()) {
                        continue;
                    }
                    String url = resource.getURL().toString();
                    String relative =
                            url.substring(url.lastIndexOf(CLASSPATH_ROOT + folder + "/") + CLASSPATH_ROOT.length());
                    if (isRuleFile(relative)) {
                        try (InputStream in = resource.getInputStream()) {
                            files.add(new RuleFile(relative, in.readAllBytes()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rule set", e);
        }
        files.sort(Comparator.comparing(RuleFile::path));
        return files;
    }

    /** Office lock files ({@code ~$credit-scoring.xlsx}) and editor backups are not rules. */
    private static boolean isRuleFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        return name.endsWith(".drl")
                || name.endsWith(".xlsx")
                || name.endsWith(".xls")
                || name.endsWith(".dmn")
                || name.endsWith(".examples.json");
    }
}
